/**
 * Schema migrations, in order. A migration is frozen once released: change
 * the schema by adding one, never by editing one. The data model in
 * data-model.ts describes the schema after the last migration.
 */
import { enumType, scoreLabels, type ScoreLabelColumn } from './score-labels.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'canonical data model',
    // Imported tables carry no PRIMARY KEY: DuckDB's index makes a bulk
    // delete-and-reinsert of the same keys dozens of times slower. The intake
    // keeps natural keys unique itself (tested in test/intake).
    sql: `
    CREATE TABLE customers (
      customer_id VARCHAR NOT NULL,
      name VARCHAR,
      industry VARCHAR,
      size VARCHAR,
      employees INTEGER,
      annual_revenue DECIMAL(18,4),
      province VARCHAR,
      city VARCHAR,
      region VARCHAR,
      address VARCHAR,
      contact_name VARCHAR,
      contact_phone VARCHAR,
      contact_email VARCHAR,
      contact_title VARCHAR,
      gender VARCHAR,
      birth_date DATE,
      rep_id VARCHAR,
      level VARCHAR,
      decision_complexity VARCHAR,
      acquisition_channel VARCHAR,
      acquisition_campaign_id VARCHAR,
      first_contact_date DATE,
      status VARCHAR,
      row_version INTEGER DEFAULT 1,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE products (
      product_id VARCHAR NOT NULL,
      name VARCHAR,
      category VARCHAR,
      subcategory VARCHAR,
      series VARCHAR,
      unit VARCHAR,
      list_price DECIMAL(18,4),
      unit_cost DECIMAL(18,4),
      margin_rate DOUBLE,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE order_lines (
      order_id VARCHAR NOT NULL,
      line_no INTEGER NOT NULL,
      order_date DATE,
      order_time TIMESTAMP,
      customer_id VARCHAR,
      product_id VARCHAR,
      product_name VARCHAR,
      category VARCHAR,
      subcategory VARCHAR,
      quantity DOUBLE,
      unit_price DECIMAL(18,4),
      amount DECIMAL(18,4),
      discount DOUBLE,
      cost DECIMAL(18,4),
      profit DECIMAL(18,4),
      status VARCHAR,
      is_return BOOLEAN,
      channel VARCHAR,
      rep_id VARCHAR,
      province VARCHAR,
      city VARCHAR,
      region VARCHAR,
      ship_date DATE,
      paid_date DATE,
      paid_amount DECIMAL(18,4),
      refund_amount DECIMAL(18,4),
      promotion VARCHAR,
      demand_type VARCHAR,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE opportunities (
      opportunity_id VARCHAR NOT NULL,
      customer_id VARCHAR,
      name VARCHAR,
      rep_id VARCHAR,
      product VARCHAR,
      lead_source VARCHAR,
      region VARCHAR,
      stage VARCHAR,
      status VARCHAR,
      expected_amount DECIMAL(18,4),
      won_amount DECIMAL(18,4),
      created_date DATE,
      stage_date DATE,
      expected_close_date DATE,
      close_date DATE,
      lost_reason VARCHAR,
      competitor VARCHAR,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE opportunity_stage_history (
      opportunity_id VARCHAR NOT NULL,
      stage VARCHAR NOT NULL,
      entered_date DATE NOT NULL,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE interactions (
      interaction_id VARCHAR NOT NULL,
      customer_id VARCHAR,
      rep_id VARCHAR,
      type VARCHAR,
      interaction_date DATE,
      response_hours DOUBLE,
      competitor VARCHAR,
      project VARCHAR,
      project_status VARCHAR,
      notes VARCHAR,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE survey_responses (
      response_id VARCHAR NOT NULL,
      customer_id VARCHAR,
      survey_date DATE,
      item VARCHAR,
      score DOUBLE,
      importance DOUBLE,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE nps_responses (
      response_id VARCHAR NOT NULL,
      customer_id VARCHAR,
      response_date DATE,
      score INTEGER,
      comment VARCHAR,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE complaints (
      complaint_id VARCHAR NOT NULL,
      customer_id VARCHAR,
      complaint_date DATE,
      category VARCHAR,
      text VARCHAR,
      severity VARCHAR,
      status VARCHAR,
      resolved_date DATE,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE service_tickets (
      ticket_id VARCHAR NOT NULL,
      customer_id VARCHAR,
      opened_date DATE,
      closed_date DATE,
      category VARCHAR,
      priority VARCHAR,
      status VARCHAR,
      satisfaction DOUBLE,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE campaigns (
      campaign_id VARCHAR NOT NULL,
      name VARCHAR,
      channel VARCHAR,
      start_date DATE,
      end_date DATE,
      cost DECIMAL(18,4),
      leads INTEGER,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE reps (
      rep_id VARCHAR NOT NULL,
      name VARCHAR,
      team VARCHAR,
      region VARCHAR,
      manager VARCHAR,
      hire_date DATE,
      email VARCHAR,
      phone VARCHAR,
      status VARCHAR,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE targets (
      scope_type VARCHAR NOT NULL,
      scope_id VARCHAR NOT NULL,
      period_start DATE NOT NULL,
      period_end DATE,
      target_amount DECIMAL(18,4),
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE wallet_estimates (
      customer_id VARCHAR NOT NULL,
      year INTEGER NOT NULL,
      competitor VARCHAR NOT NULL,
      total_wallet DECIMAL(18,4),
      competitor_amount DECIMAL(18,4),
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE churn_records (
      customer_id VARCHAR NOT NULL,
      churn_date DATE NOT NULL,
      reason_category VARCHAR,
      reason_text VARCHAR,
      win_back_status VARCHAR,
      extra JSON,
      import_run_id BIGINT,
      updated_at TIMESTAMP
    );
    CREATE TABLE import_runs (
      run_id BIGINT NOT NULL PRIMARY KEY,
      started_at TIMESTAMP,
      finished_at TIMESTAMP,
      status VARCHAR,
      file_name VARCHAR,
      file_sha256 VARCHAR,
      entity VARCHAR,
      format VARCHAR,
      encoding VARCHAR,
      sheet VARCHAR,
      rows BIGINT,
      inserted BIGINT,
      updated BIGINT,
      unchanged BIGINT,
      duplicates BIGINT,
      quarantined BIGINT,
      warnings BIGINT,
      mapping JSON,
      error VARCHAR
    );
    CREATE TABLE import_issues (
      run_id BIGINT NOT NULL,
      row_number BIGINT NOT NULL,
      column_name VARCHAR NOT NULL,
      code VARCHAR NOT NULL,
      severity VARCHAR,
      value VARCHAR
    );
    CREATE TABLE quarantine (
      run_id BIGINT NOT NULL,
      row_number BIGINT NOT NULL,
      entity VARCHAR,
      raw JSON,
      reasons JSON
    );
    CREATE SEQUENCE import_run_seq START 1;
  `,
  },
  {
    version: 2,
    name: 'analysis snapshots',
    sql: `
    CREATE TABLE analysis_configs (
      version INTEGER NOT NULL PRIMARY KEY,
      created_at TIMESTAMP,
      note VARCHAR,
      config JSON
    );
    CREATE TABLE analysis_snapshots (
      snapshot_id BIGINT NOT NULL PRIMARY KEY,
      as_of DATE,
      period_from DATE,
      period_to DATE,
      config_version INTEGER,
      created_at TIMESTAMP,
      summary JSON
    );
    CREATE TABLE customer_scores (
      snapshot_id BIGINT NOT NULL,
      customer_id VARCHAR NOT NULL,
      first_order_date DATE,
      last_order_date DATE,
      recency_days INTEGER,
      frequency INTEGER,
      monetary DECIMAL(18,4),
      profit DECIMAL(18,4),
      r_score INTEGER,
      f_score INTEGER,
      m_score INTEGER,
      rfm_code VARCHAR,
      rfm_weighted DOUBLE,
      value_score DOUBLE,
      potential_score DOUBLE,
      value_tier VARCHAR,
      rfm_tier VARCHAR,
      rfm_segment VARCHAR,
      abc_class VARCHAR,
      cluster INTEGER,
      purchase_cycle_days DOUBLE,
      health_score DOUBLE
    );
    CREATE SEQUENCE snapshot_seq START 1;
  `,
  },
  {
    version: 3,
    name: 'customer lifetime value',
    sql: `
    CREATE TABLE clv_runs (
      clv_run_id BIGINT NOT NULL PRIMARY KEY,
      snapshot_id BIGINT,
      calibration_end DATE,
      observation_end DATE,
      time_unit VARCHAR,
      horizon DOUBLE,
      discount_rate DOUBLE,
      created_at TIMESTAMP,
      result JSON
    );
    CREATE TABLE customer_clv (
      clv_run_id BIGINT NOT NULL,
      customer_id VARCHAR NOT NULL,
      x INTEGER,
      t_x DOUBLE,
      t_cal DOUBLE,
      m_x DOUBLE,
      p_alive DOUBLE,
      p_alive_pnbd DOUBLE,
      expected_transactions DOUBLE,
      expected_spend DOUBLE,
      clv DOUBLE
    );
    CREATE SEQUENCE clv_run_seq START 1;
  `,
  },
  {
    version: 4,
    name: 'churn risk',
    sql: `
    CREATE TABLE customer_risk (
      snapshot_id BIGINT NOT NULL,
      customer_id VARCHAR NOT NULL,
      risk_score DOUBLE,
      churn_probability DOUBLE,
      signals JSON
    );
  `,
  },
  {
    version: 5,
    name: 'recommendations',
    sql: `
    CREATE TABLE customer_recommendations (
      snapshot_id BIGINT NOT NULL,
      customer_id VARCHAR NOT NULL,
      rank INTEGER NOT NULL,
      product_id VARCHAR NOT NULL,
      score DOUBLE,
      because VARCHAR
    );
  `,
  },
  {
    version: 6,
    name: 'scoped snapshots',
    sql: `ALTER TABLE analysis_snapshots ADD COLUMN scope VARCHAR;`,
  },
  {
    version: 7,
    name: 'tasks',
    sql: `
    CREATE TABLE tasks (
      task_id BIGINT NOT NULL PRIMARY KEY,
      customer_id VARCHAR,
      title VARCHAR NOT NULL,
      owner VARCHAR,
      due_date DATE,
      status VARCHAR NOT NULL,
      created_at TIMESTAMP,
      updated_at TIMESTAMP,
      version INTEGER NOT NULL
    );
    CREATE SEQUENCE task_seq START 1;
  `,
  },
  {
    version: 8,
    name: 'users, sessions and the access log',
    sql: `
    CREATE TABLE users (
      user_id BIGINT NOT NULL PRIMARY KEY,
      username VARCHAR NOT NULL UNIQUE,
      display_name VARCHAR,
      role VARCHAR NOT NULL,
      rep_id VARCHAR,
      team VARCHAR,
      password_hash VARCHAR NOT NULL,
      must_change_password BOOLEAN NOT NULL,
      disabled BOOLEAN NOT NULL,
      created_at TIMESTAMP,
      updated_at TIMESTAMP
    );
    CREATE SEQUENCE user_seq START 1;
    CREATE TABLE sessions (
      token_hash VARCHAR NOT NULL PRIMARY KEY,
      user_id BIGINT NOT NULL,
      csrf_token VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL,
      last_seen_at TIMESTAMP NOT NULL
    );
    CREATE TABLE access_log (
      logged_at TIMESTAMP NOT NULL,
      user_id BIGINT,
      username VARCHAR,
      action VARCHAR NOT NULL,
      customer_id VARCHAR,
      fields VARCHAR
    );
  `,
  },
  {
    version: 9,
    name: 'the field key fingerprint and erasures',
    sql: `
    CREATE TABLE store_key (
      key_id VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL
    );
    CREATE TABLE erasures (
      customer_id VARCHAR NOT NULL PRIMARY KEY,
      erased_at TIMESTAMP NOT NULL,
      username VARCHAR
    );
  `,
  },
  {
    version: 10,
    name: 'sign-in address in the access log',
    // Failed sign-ins are counted per name and address in the store, so that several app processes share one count.
    sql: `ALTER TABLE access_log ADD COLUMN client VARCHAR;`,
  },
  {
    version: 11,
    name: 'order heads',
    // Counting orders becomes a filtered count instead of a count(DISTINCT); order-heads.ts says which line is the head.
    sql: `ALTER TABLE order_lines ADD COLUMN opens_order BOOLEAN;
    UPDATE order_lines SET opens_order = heads.opens
    FROM (
      SELECT order_id, line_no,
        NOT is_return AND row_number() OVER (PARTITION BY order_id, customer_id ORDER BY is_return, order_date, line_no) = 1 AS opens
      FROM order_lines
    ) AS heads
    WHERE order_lines.order_id = heads.order_id AND order_lines.line_no = heads.line_no;`,
  },
  {
    version: 12,
    name: 'score labels as enumerations',
    // A label column costs DuckDB about 50 ms per million customers to write as text and a fifth of that as an
    // enumeration: a tenth of scoring a million customers. PostgreSQL keeps them as text (sql-dialect.ts).
    sql: (Object.keys(scoreLabels) as ScoreLabelColumn[])
      .map((column) => `ALTER TABLE customer_scores ALTER COLUMN ${column} TYPE ${enumType(scoreLabels[column])};`)
      .join('\n'),
  },
];
