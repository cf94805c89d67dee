/// The replica's tables. Every row carries `source`, the node it came from, so that the logs of
/// several daemons (one per legal entity) can share one database.
///
/// Created on start when missing (`IF NOT EXISTS`), under the sink's advisory lock. A change of
/// these tables raises `version`; a sink refuses a database whose version is newer than its own.
enum SinkSchema {
    static let version = 1

    static let statements: [String] = [
        """
        CREATE TABLE IF NOT EXISTS dossier_sink_schema (
            version integer NOT NULL
        )
        """,
        // The last event applied, moved in the same transaction as the rows it covers.
        """
        CREATE TABLE IF NOT EXISTS dossier_checkpoint (
            source     text        PRIMARY KEY,
            sequence   bigint      NOT NULL CHECK (sequence >= 0),
            hash       text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        // Every event, as log.follow shows it to the sink's role. `withheld`: the role may not
        // read it; `type` is then `Withheld` and `data` and `salt` are null.
        """
        CREATE TABLE IF NOT EXISTS dossier_events (
            source         text        NOT NULL,
            sequence       bigint      NOT NULL CHECK (sequence > 0),
            id             uuid        NOT NULL,
            stream         text        NOT NULL,
            version        bigint      NOT NULL,
            type           text        NOT NULL,
            schema_version integer     NOT NULL,
            occurred_at    timestamptz NOT NULL,
            recorded_at    timestamptz NOT NULL,
            actor_uid      bigint      NOT NULL,
            actor_user     text        NOT NULL,
            correlation_id uuid,
            causation_id   uuid,
            data           jsonb,
            salt           text,
            hash           text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
            withheld       boolean     NOT NULL,
            PRIMARY KEY (source, sequence),
            UNIQUE (source, stream, version)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS dossier_customers (
            source        text        NOT NULL,
            customer      text        NOT NULL,
            name          text        NOT NULL,
            kind          text        NOT NULL,
            stage         text        NOT NULL,
            tier          text        NOT NULL,
            registered_at timestamptz NOT NULL,
            open_flags    integer,
            version       bigint      NOT NULL,
            updated_at    timestamptz NOT NULL,
            last_sequence bigint      NOT NULL,
            PRIMARY KEY (source, customer)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS dossier_complaints (
            source        text        NOT NULL,
            number        text        NOT NULL,
            customer      text,
            type          text        NOT NULL,
            channel       text        NOT NULL,
            level         text        NOT NULL,
            subject       text        NOT NULL,
            unit          text        NOT NULL,
            status        text        NOT NULL,
            received_at   timestamptz NOT NULL,
            respond_by    timestamptz,
            resolve_by    timestamptz,
            resolved_at   timestamptz,
            closed_at     timestamptz,
            version       bigint      NOT NULL,
            updated_at    timestamptz NOT NULL,
            last_sequence bigint      NOT NULL,
            PRIMARY KEY (source, number)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS dossier_ratings (
            source         text        NOT NULL,
            customer       text        NOT NULL,
            scale          text        NOT NULL,
            grade          text,
            score          numeric,
            reason         text,
            effective_on   date,
            next_review_on date,
            is_default     boolean,
            approved_at    timestamptz,
            approved_by    text,
            proposed_grade text,
            version        bigint      NOT NULL,
            updated_at     timestamptz NOT NULL,
            last_sequence  bigint      NOT NULL,
            PRIMARY KEY (source, customer, scale)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS dossier_credit_limits (
            source          text        NOT NULL,
            subject         text        NOT NULL,
            number          integer     NOT NULL,
            customer        text,
            credit_group    text,
            status          text        NOT NULL,
            amount          numeric     NOT NULL,
            currency        text        NOT NULL,
            kind            text        NOT NULL,
            mode            text        NOT NULL,
            valid_from      date        NOT NULL,
            valid_to        date        NOT NULL,
            proposed_amount numeric,
            approved_at     timestamptz,
            authority       text,
            version         bigint      NOT NULL,
            updated_at      timestamptz NOT NULL,
            last_sequence   bigint      NOT NULL,
            PRIMARY KEY (source, subject, number)
        )
        """,
    ]
}
