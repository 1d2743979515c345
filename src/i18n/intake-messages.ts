/**
 * What the intake says to users: row problems, file problems and notes.
 * Each row message is completed by the edge with the file, row and column.
 */
import type { Catalogue } from './i18n.js';
import type { ImportErrorCode } from '../intake/import-error.js';
import type { FileNote } from '../intake/stage-file.js';
import type { ProblemCode } from '../intake/value-sql.js';

/** Every code a row can be reported with: unreadable values, then rule and structure problems. */
export type RowIssueKey =
  | ProblemCode
  | 'required_missing'
  | 'id_from_name'
  | 'out_of_range'
  | 'too_many_fields'
  | 'short_row'
  | 'truncated_row'
  | 'duplicate_key'
  | 'unterminated_quote'
  | 'record_too_large'
  | 'stray_quote';

export const rowIssueMessages: Catalogue<RowIssueKey> = {
  en: {
    invalid_date: 'date "{value}" is not readable; write it like 2024-03-05',
    date_impossible: '"{value}" is not a real calendar date; correct the day or month',
    invalid_number: '"{value}" is not a number',
    invalid_amount: '"{value}" is not an amount; write it like 1234.50 or ¥1,234.50',
    invalid_integer: '"{value}" is not a whole number',
    invalid_rate: '"{value}" is not a rate; write 15%, 0.15 or 8.5折',
    invalid_boolean: '"{value}" is not yes/no; write 是/否 or Y/N',
    invalid_period: '"{value}" is not a period; write 2024-03, 2024Q1 or 2024',
    id_scientific_notation: 'id "{value}" was turned into scientific notation by Excel and lost digits; format the column as text in Excel and export again',
    id_precision_lost: 'id "{value}" has more than 15 digits and Excel rounded it; format the column as text in Excel and export again',
    required_missing: 'required value is empty',
    id_from_name: 'no ID on this row: the name "{value}" is used as its ID; fill in the ID if the record already exists under one',
    out_of_range: '"{value}" is outside the allowed range',
    too_many_fields: 'the row has more cells than the header ("{value}" …); check for an unquoted delimiter',
    short_row: 'the row has fewer cells than the header; missing cells were read as empty',
    truncated_row: 'the file ends in the middle of this row; the file may be cut off — export it again',
    duplicate_key: 'the key "{value}" appears earlier in the file with different values; keep one row',
    unterminated_quote: 'a quote opened on this line is never closed; the line was set aside so the rest of the file could be read',
    record_too_large: 'this row is too large to be a real record; check the quotes around it',
    stray_quote: 'text follows a closing quote; quote the whole cell or remove the stray quote',
  },
  'zh-CN': {
    invalid_date: '日期“{value}”无法识别，请写成 2024-03-05 这样的格式',
    date_impossible: '“{value}”不是真实存在的日期，请更正日或月',
    invalid_number: '“{value}”不是数字',
    invalid_amount: '“{value}”不是金额，请写成 1234.50 或 ¥1,234.50',
    invalid_integer: '“{value}”不是整数',
    invalid_rate: '“{value}”不是比率，请写成 15%、0.15 或 8.5折',
    invalid_boolean: '“{value}”不是是/否值，请写“是/否”或 Y/N',
    invalid_period: '“{value}”不是期间，请写成 2024-03、2024Q1 或 2024',
    id_scientific_notation: '编号“{value}”被 Excel 转成了科学计数法并丢失了位数，请在 Excel 中把该列设为文本后重新导出',
    id_precision_lost: '编号“{value}”超过 15 位，已被 Excel 截断，请在 Excel 中把该列设为文本后重新导出',
    required_missing: '必填项为空',
    id_from_name: '该行没有编号，已用名称“{value}”作为编号；如该记录已有编号，请补填',
    out_of_range: '“{value}”超出允许范围',
    too_many_fields: '该行的单元格比表头多（“{value}”…），请检查是否有未加引号的分隔符',
    short_row: '该行的单元格比表头少，缺少的单元格按空值读取',
    truncated_row: '文件在这一行中间结束，文件可能不完整，请重新导出',
    duplicate_key: '主键“{value}”在文件前面已出现且内容不同，请只保留一行',
    unterminated_quote: '该行开始的引号没有闭合；已将该行单独隔离，文件其余部分照常读取',
    record_too_large: '该行过大，不像正常记录，请检查附近的引号',
    stray_quote: '右引号后面还有文字，请给整个单元格加引号或删除多余的引号',
  },
};

export type FileErrorKey = ImportErrorCode;

export const fileErrorMessages: Catalogue<FileErrorKey> = {
  en: {
    file_not_found: 'file not found; check the path',
    file_is_folder: 'this is a folder; name the files in it (for example folder/*.csv)',
    file_empty: 'the file is empty',
    file_binary: 'this is not a CSV, Excel (.xlsx) or Parquet file',
    file_unsupported: 'this file format is not supported; save it as .xlsx or CSV (UTF-8)',
    xls_needs_conversion:
      'old Excel format (.xls). Open it in Excel or WPS and save as .xlsx or "CSV UTF-8", or install LibreOffice and salescope converts it itself',
    xls_conversion_failed: 'LibreOffice could not convert this .xls ({detail}); open it in Excel or WPS and save as .xlsx',
    xls_is_html: 'this "Excel" file is really a web page (HTML table), as some systems export; open it in Excel or WPS and save as .xlsx or "CSV UTF-8"',
    xls_is_xml: 'this is an XML Spreadsheet 2003 file; open it in Excel or WPS and save as .xlsx',
    xlsx_corrupt: 'the Excel file is damaged or not a real .xlsx ({detail}); open and save it again in Excel',
    parquet_corrupt: 'the Parquet file is damaged or not a real .parquet file ({detail}); export it again from the system it came from',
    xlsx_too_large: 'the Excel file unpacks to more than the allowed size; split it or export CSV',
    xlsx_suspicious_ratio: 'the Excel file compresses suspiciously well (a possible zip bomb); it was not opened',
    too_many_rows: 'the file has {rows} rows, more than the {max} one upload may bring; split it, or import it with the salescope import command',
    sheet_not_found: 'no sheet "{sheet}"; the workbook has: {available}',
    no_columns: 'no columns found',
    entity_not_recognised: 'cannot tell what this file holds from its headers ({headers}); {advice}',
    required_columns_missing: 'looks like {entity} but lacks required columns: {missing} (headers: {headers}); {advice}',
    mapping_invalid: 'the mapping has a problem at "{path}": {detail}',
    mapping_column_not_found: 'the mapping names column "{column}" for {field}, but the file has no such column (headers: {headers})',
  },
  'zh-CN': {
    file_not_found: '找不到文件，请检查路径',
    file_is_folder: '这是一个文件夹；请给出其中的文件（例如 文件夹/*.csv）',
    file_empty: '文件是空的',
    file_binary: '这不是 CSV、Excel(.xlsx) 或 Parquet 文件',
    file_unsupported: '不支持该文件格式，请另存为 .xlsx 或 CSV(UTF-8)',
    xls_needs_conversion: '这是旧版 Excel 格式(.xls)。请用 Excel 或 WPS 打开并另存为 .xlsx 或“CSV UTF-8”，或安装 LibreOffice 后由 salescope 自动转换',
    xls_conversion_failed: 'LibreOffice 无法转换该 .xls 文件（{detail}），请用 Excel 或 WPS 打开后另存为 .xlsx',
    xls_is_html: '该“Excel”文件实际上是网页（HTML 表格），部分系统会这样导出；请用 Excel 或 WPS 打开后另存为 .xlsx 或“CSV UTF-8”',
    xls_is_xml: '这是 XML 电子表格 2003 文件，请用 Excel 或 WPS 打开后另存为 .xlsx',
    xlsx_corrupt: 'Excel 文件已损坏或不是真正的 .xlsx（{detail}），请在 Excel 中打开后重新保存',
    parquet_corrupt: 'Parquet 文件已损坏或不是真正的 Parquet 文件（{detail}），请从来源系统重新导出',
    too_many_rows: '文件有 {rows} 行，超过单次上传上限 {max} 行；请拆分文件，或用 salescope import 命令导入',
    xlsx_too_large: 'Excel 文件解压后超过允许的大小，请拆分文件或导出为 CSV',
    xlsx_suspicious_ratio: 'Excel 文件的压缩比异常（可能是压缩炸弹），已拒绝打开',
    sheet_not_found: '没有名为“{sheet}”的工作表；工作簿中有：{available}',
    no_columns: '没有找到任何列',
    entity_not_recognised: '无法从表头判断文件内容（{headers}）；{advice}',
    required_columns_missing: '看起来是{entity}数据，但缺少必填列：{missing}（表头：{headers}）；{advice}',
    mapping_invalid: '映射的“{path}”处有误：{detail}',
    mapping_column_not_found: '映射为 {field} 指定了列“{column}”，但文件中没有该列（表头：{headers}）',
  },
};

/** Who tells the user what to do about a file: the command line names its flags, the app its import page and API fields. */
export type IntakeEdge = 'cli' | 'web';

/** The file problems whose remedy depends on the edge: their message says what is wrong and leaves {advice} to the edge. */
export type EdgeAdviceKey = Extract<FileErrorKey, 'entity_not_recognised' | 'required_columns_missing'>;

export const fileErrorAdvice: { readonly [E in IntakeEdge]: Catalogue<EdgeAdviceKey> } = {
  cli: {
    en: {
      entity_not_recognised: 'name the columns as in the data model or pass --entity and a --mapping file',
      required_columns_missing: 'add them, or map them with a --mapping file',
    },
    'zh-CN': {
      entity_not_recognised: '请按数据模型命名列，或使用 --entity 和 --mapping 映射文件',
      required_columns_missing: '请补充这些列，或用 --mapping 映射文件指定',
    },
  },
  web: {
    en: {
      entity_not_recognised:
        'name the columns as in the data model, or upload the file on the Import page and choose its data type and columns under "Preview and mapping" (API: POST /api/uploads, then POST /api/uploads/:id/import with entity and columns)',
      required_columns_missing: 'add them, or upload the file on the Import page and pick the column for each under "Preview and mapping" (API: columns in POST /api/uploads/:id/import)',
    },
    'zh-CN': {
      entity_not_recognised: '请按数据模型命名列，或在“数据导入”页面上传该文件，并在“预览与映射”中选择数据类型和对应的列（API：先 POST /api/uploads，再带 entity 和 columns 调用 POST /api/uploads/:id/import）',
      required_columns_missing: '请补充这些列，或在“数据导入”页面上传该文件，并在“预览与映射”中为它们选择对应的列（API：在 POST /api/uploads/:id/import 中提供 columns）',
    },
  },
};

export type FileNoteKey = FileNote['code'];

export const fileNoteMessages: Catalogue<FileNoteKey> = {
  en: {
    encoding_replacements: '{count} byte sequences are not valid {encoding} and were replaced by �; check the file encoding',
    mixed_encoding: 'the file mixes encodings: {utf8} lines were read as UTF-8 and {gb} as GBK/GB18030; check the Chinese text looks right',
    nul_bytes: '{count} NUL bytes were removed',
    duplicate_header: 'header "{header}" appears twice (column {column}); the first one is used',
    blank_header: 'column {column} has no header; its values are kept under "column {column}"',
    title_rows: '{count} title row(s) above the header were skipped: {text}',
    converted_xls: 'converted from .xls with {tool}',
    entity_mismatch: 'the headers look like {recognised} ({columns}), not {entity} as chosen; the rows are read as {entity} all the same — if the file holds {recognised}, choose that data type instead',
  },
  'zh-CN': {
    encoding_replacements: '有 {count} 处字节不是有效的 {encoding} 编码，已替换为 �，请检查文件编码',
    mixed_encoding: '文件混用了多种编码：{utf8} 行按 UTF-8 读取，{gb} 行按 GBK/GB18030 读取，请检查中文是否显示正确',
    nul_bytes: '已删除 {count} 个 NUL 字节',
    duplicate_header: '表头“{header}”重复（第 {column} 列），使用第一个',
    blank_header: '第 {column} 列没有表头，其值以“column {column}”保存',
    title_rows: '已跳过表头上方的 {count} 行标题：{text}',
    converted_xls: '已用 {tool} 从 .xls 转换',
    entity_mismatch: '表头看起来是{recognised}数据（{columns}），而不是所选的“{entity}”；各行仍按“{entity}”读取——如果文件内容是{recognised}，请改选该数据类型',
  },
};
