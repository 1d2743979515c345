import type { Catalogue } from './i18n.js';

export type BackupKey = 'backedUp' | 'restored' | 'notEmpty' | 'not_a_folder' | 'cannot_create' | 'locked' | 'target_exists' | 'not_a_backup' | 'mismatch' | 'server_store';

export const backupMessages: Catalogue<BackupKey> = {
  en: {
    backedUp: 'backup written to {where}: {tables} tables, {rows} rows, each with its checksum',
    restored: 'store {where} restored: {tables} tables, {rows} rows, every count and checksum as in the backup',
    notEmpty: '{dir} is not empty: give a new or empty folder for the backup',
    not_a_folder: '{dir} is a file, or a file is on its path: give a new or empty folder for the backup',
    cannot_create: 'the folder {dir} cannot be made ({reason}): give a folder on a disk you may write to',
    locked: '{db} is in use by another program and no running salescope server answers for it; stop that program or back up through its server',
    target_exists: '{db} already exists: restore into a new file (--db NEW.duckdb), then replace the old one',
    not_a_backup: '{dir} is not a salescope backup (no readable manifest.json)',
    mismatch: 'the restored tables differ from the backup ({tables}); the backup may be damaged — nothing was kept',
    server_store: '{db} is a team store on PostgreSQL: back it up with the server\'s own tools (pg_dump --schema=NAME, then pg_restore), which keep it consistent while everyone works',
  },
  'zh-CN': {
    backedUp: '备份已写入 {where}：{tables} 张表，{rows} 行，每张表均有校验和',
    restored: '已恢复数据库 {where}：{tables} 张表，{rows} 行，行数与校验和均与备份一致',
    notEmpty: '{dir} 不是空文件夹：请指定一个新的或空的备份文件夹',
    not_a_folder: '{dir} 是一个文件（或其路径上有文件）：请指定一个新的或空的备份文件夹',
    cannot_create: '无法创建文件夹 {dir}（{reason}）：请指定一个有写入权限的磁盘上的文件夹',
    locked: '{db} 正被其他程序使用，且没有可用的 salescope 服务：请先停止该程序，或通过其服务备份',
    target_exists: '{db} 已存在：请恢复到一个新文件（--db 新文件.duckdb），再替换旧文件',
    not_a_backup: '{dir} 不是 salescope 备份（没有可读的 manifest.json）',
    mismatch: '恢复后的表与备份不一致（{tables}），备份可能已损坏——未保留任何结果',
    server_store: '{db} 是 PostgreSQL 上的团队库：请用数据库服务器自带的工具备份（pg_dump --schema=名称，恢复用 pg_restore），可在大家使用时保持一致',
  },
};
