// Over 400 lines: the numbered migrations are SQL text kept in one list in the order they run; the code around them is short.
import AduanCore

/// The PostgreSQL store's tables, in a schema of their own (`aduan`), as numbered migrations
/// applied in order inside one transaction.
///
/// The same ideas as the SQLite store (`Schema`): `events` is the truth, append-only and
/// hash-chained (the very `Chain` formula, so one verifier reads both); the rest are projections.
/// What differs is that the database itself enforces who sees what (`PGAccessSQL`), so what an
/// operator may not read lives in rows of its own that row-level security can withhold:
///
/// - `complaints`: the columns every viewer of a report may read, with `held_agencies`,
///   `held_units` and `cc_units` so the access policies test one row; `state` is the report's
///   state without the reporter and without its texts.
/// - `complaint_reporters`: the reporter's identity, one row, visible where `canSeeReporter`.
/// - `complaint_texts`: title, body and location twice: the full texts (`masked = false`),
///   visible where both the content and the reporter may be seen, and the texts with the
///   reporter's name, phone, e-mail and NIK taken out (`Privacy.publicText`, `masked = true`),
///   visible where the content may be seen. Each row carries its own search words, so a search
///   only ever finds what the viewer may read.
/// - `event_views`: the timeline, each event in every distinct form `Privacy.redacted` gives it
///   for a `Privacy.Sight`, visible to the viewers with that sight who may read the event.
///
/// Times are the server's: an event's `at` defaults to the transaction's `now()`, and an operator
/// cannot write another (only the owner loading a history may: an import keeps its times).
public enum PGSchema {
    /// The schema (namespace) that holds the store.
    public static let name = "aduan"
    /// Written in `meta` at creation: a schema called `aduan` without it is someone else's.
    public static let format = "aduan-store"
    /// The newest schema this build understands. A store with a higher number is refused, never altered.
    public static let version = 11

    /// Which text search configuration would index the words: none since the text rows' vectors
    /// are written as literals of the core's own tokens (`PGSearch.vector`) and queried as tsquery
    /// literals (`PostgreSQLDialect.textQuery`), which is `simple` without its parser (lowercase,
    /// no stemming, no stop words). See `PGSearch` for why not PostgreSQL's `indonesian` stemmer.
    public static let searchConfiguration = "simple"

    static let migrations: [(version: Int, sql: String)] = [
        (1, """
        CREATE TABLE aduan.meta(
            key text PRIMARY KEY,
            value text NOT NULL
        );
        INSERT INTO aduan.meta(key, value) VALUES
            ('format', '\(format)'), ('schema_version', '0'),
            ('chain_head', repeat('0', 64)), ('event_count', '0');

        CREATE TABLE aduan.events(
            seq bigint PRIMARY KEY,
            complaint_id bigint NOT NULL,
            version integer NOT NULL,
            at bigint NOT NULL DEFAULT floor(extract(epoch FROM now()))::bigint,
            kind text NOT NULL,
            actor_id text NOT NULL,
            login text NOT NULL DEFAULT session_user,
            agency_from text,
            agency_to text,
            body text NOT NULL,
            hash bytea NOT NULL,
            UNIQUE (complaint_id, version)
        );

        -- Appending: the next position and the chain's hash are the server's, computed under a
        -- lock on the head so two writers cannot both extend it. The formula is Chain.link over
        -- Chain.contentDigest, byte for byte.
        CREATE FUNCTION aduan.events_append() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
        DECLARE
            head bytea;
            n bigint;
            server_time bigint := floor(extract(epoch FROM now()))::bigint;
        BEGIN
            IF NEW.at IS DISTINCT FROM server_time AND NOT pg_has_role(session_user,
                    (SELECT nspowner FROM pg_namespace WHERE nspname = 'aduan'), 'MEMBER') THEN
                RAISE EXCEPTION 'an event''s time is the server''s clock' USING ERRCODE = 'AD002';
            END IF;
            IF NEW.login IS DISTINCT FROM session_user AND NOT pg_has_role(session_user,
                    (SELECT nspowner FROM pg_namespace WHERE nspname = 'aduan'), 'MEMBER') THEN
                RAISE EXCEPTION 'an event''s login is the connected role' USING ERRCODE = 'AD003';
            END IF;
            SELECT decode(value, 'hex') INTO head FROM aduan.meta WHERE key = 'chain_head' FOR UPDATE;
            SELECT value::bigint INTO n FROM aduan.meta WHERE key = 'event_count' FOR UPDATE;
            n := n + 1;
            NEW.seq := n;
            NEW.hash := sha256(head || convert_to(E'\\x1f' || n || E'\\x1f' || NEW.complaint_id || E'\\x1f', 'UTF8')
                || sha256(convert_to(NEW.version || E'\\x1f' || NEW.at || E'\\x1f' || NEW.kind || E'\\x1f'
                                     || NEW.actor_id || E'\\x1f' || NEW.body, 'UTF8')));
            UPDATE aduan.meta SET value = encode(NEW.hash, 'hex') WHERE key = 'chain_head';
            UPDATE aduan.meta SET value = n::text WHERE key = 'event_count';
            RETURN NEW;
        END
        $fn$;
        CREATE TRIGGER events_append BEFORE INSERT ON aduan.events
            FOR EACH ROW EXECUTE FUNCTION aduan.events_append();

        -- Open screens learn of other operators' changes without polling: after the commit, the
        -- ids of the reports that got events (migration 3 takes the ids out: see there).
        CREATE FUNCTION aduan.events_notify() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        DECLARE
            r record;
        BEGIN
            IF (SELECT count(DISTINCT complaint_id) FROM added) > 100 THEN
                PERFORM pg_notify('aduan_events', '*');
            ELSE
                FOR r IN SELECT DISTINCT complaint_id FROM added LOOP
                    PERFORM pg_notify('aduan_events', r.complaint_id::text);
                END LOOP;
            END IF;
            RETURN NULL;
        END
        $fn$;
        CREATE TRIGGER events_notify AFTER INSERT ON aduan.events REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION aduan.events_notify();

        CREATE FUNCTION aduan.refuse_change() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            RAISE EXCEPTION 'the event log is append-only' USING ERRCODE = 'AD001';
        END
        $fn$;
        CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON aduan.events
            FOR EACH ROW EXECUTE FUNCTION aduan.refuse_change();
        CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON aduan.events
            FOR EACH STATEMENT EXECUTE FUNCTION aduan.refuse_change();

        CREATE TABLE aduan.complaints(
            id bigint PRIMARY KEY,
            tracking_id text,
            channel text NOT NULL,
            classification text NOT NULL,
            category text NOT NULL,
            priority text NOT NULL,
            anonymous boolean NOT NULL,
            confidential boolean NOT NULL,
            privacy_decided boolean NOT NULL,
            status integer NOT NULL,
            holder_agency text NOT NULL,
            holder_unit text,
            intake_agency text NOT NULL,
            -- Every agency that received or held the report, every agency/unit pair that held
            -- it (PGAccessSQL.unitKey), every unit it was copied to: what the policies read.
            held_agencies text[] NOT NULL,
            held_units text[] NOT NULL,
            cc_units text[] NOT NULL,
            received_at bigint NOT NULL,
            updated_at bigint NOT NULL,
            updated_by text NOT NULL,
            version integer NOT NULL,
            due_at bigint,
            due_kind text,
            due_key bigint NOT NULL,
            rating integer,
            ping_pong boolean NOT NULL,
            first_follow_up_wd integer,
            auto_close_at bigint,
            paused_at bigint,
            receipt_week integer NOT NULL,
            -- No content_key here (SQLite's re-import key hashes title and body): operators read
            -- this table, and a hash of a confidential text would confirm a guess of it.
            state text NOT NULL
        );
        CREATE INDEX complaints_agency_due ON aduan.complaints(holder_agency, due_key, id);
        CREATE INDEX complaints_unit_due ON aduan.complaints(holder_agency, holder_unit, due_key, id);
        CREATE INDEX complaints_due ON aduan.complaints(due_key, id);
        CREATE INDEX complaints_status_due ON aduan.complaints(status, due_key, id);
        CREATE INDEX complaints_received ON aduan.complaints(received_at, id);
        CREATE INDEX complaints_tracking ON aduan.complaints(tracking_id) WHERE tracking_id IS NOT NULL;
        CREATE INDEX complaints_held_agencies ON aduan.complaints USING gin(held_agencies);
        CREATE INDEX complaints_held_units ON aduan.complaints USING gin(held_units);
        CREATE INDEX complaints_cc_units ON aduan.complaints USING gin(cc_units);

        CREATE TABLE aduan.complaint_reporters(
            id bigint PRIMARY KEY REFERENCES aduan.complaints(id),
            name text,
            phone text,
            email text,
            nik text
        );

        CREATE TABLE aduan.complaint_texts(
            id bigint NOT NULL REFERENCES aduan.complaints(id),
            masked boolean NOT NULL,
            title text NOT NULL,
            body text NOT NULL,
            location text NOT NULL,
            words tsvector NOT NULL,
            PRIMARY KEY (id, masked)
        );
        CREATE INDEX complaint_texts_words ON aduan.complaint_texts USING gin(words);

        -- The timeline as operators read it: each event once per distinct redaction the core
        -- makes of it (Privacy.redacted for a Sight), `shown_to` the mask of sights (reporter 4,
        -- content 2, handling 1) that read this form. The log itself stays closed to operators.
        CREATE TABLE aduan.event_views(
            seq bigint NOT NULL,
            complaint_id bigint NOT NULL,
            version integer NOT NULL,
            at bigint NOT NULL,
            kind text NOT NULL,
            needs_handling boolean NOT NULL,
            needs_content boolean NOT NULL,
            shown_to integer NOT NULL,
            body text NOT NULL,
            PRIMARY KEY (seq, shown_to)
        );
        CREATE INDEX event_views_complaint ON aduan.event_views(complaint_id, seq);

        -- Operators act through this queue: a login inserts what it asks for (as which of its
        -- operators), the store's writer (the owner, running the core) decides, appends and
        -- projects, and writes the outcome back. An operator's role writes nothing else, so no
        -- one can forge a projection row (an anonymous flag turned off) or an unchecked event.
        CREATE TABLE aduan.commands(
            id bigserial PRIMARY KEY,
            login text NOT NULL DEFAULT session_user,
            operator_id text NOT NULL,
            complaint_id bigint NOT NULL,
            expected_version integer,
            kind text NOT NULL,
            details text NOT NULL,
            submitted_at bigint NOT NULL DEFAULT floor(extract(epoch FROM now()))::bigint,
            outcome text,
            message text,
            result_version integer
        );
        CREATE INDEX commands_pending ON aduan.commands(id) WHERE outcome IS NULL;
        CREATE FUNCTION aduan.commands_stamp() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            NEW.login := session_user;
            NEW.submitted_at := floor(extract(epoch FROM now()))::bigint;
            NEW.outcome := NULL;
            NEW.message := NULL;
            NEW.result_version := NULL;
            RETURN NEW;
        END
        $fn$;
        CREATE TRIGGER commands_stamp BEFORE INSERT ON aduan.commands
            FOR EACH ROW EXECUTE FUNCTION aduan.commands_stamp();
        CREATE FUNCTION aduan.commands_notify() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            PERFORM pg_notify('aduan_commands', NEW.id::text);
            RETURN NULL;
        END
        $fn$;
        CREATE TRIGGER commands_notify AFTER INSERT ON aduan.commands
            FOR EACH ROW EXECUTE FUNCTION aduan.commands_notify();

        -- Nothing is readable by a role without a policy (PGAccessSQL writes them per login);
        -- the owner, who loads and repairs, is not bound by them.
        ALTER TABLE aduan.events ENABLE ROW LEVEL SECURITY;
        ALTER TABLE aduan.complaints ENABLE ROW LEVEL SECURITY;
        ALTER TABLE aduan.complaint_reporters ENABLE ROW LEVEL SECURITY;
        ALTER TABLE aduan.complaint_texts ENABLE ROW LEVEL SECURITY;
        ALTER TABLE aduan.event_views ENABLE ROW LEVEL SECURITY;
        ALTER TABLE aduan.commands ENABLE ROW LEVEL SECURITY;
        REVOKE ALL ON SCHEMA aduan FROM PUBLIC;
        REVOKE ALL ON ALL TABLES IN SCHEMA aduan FROM PUBLIC;
        REVOKE ALL ON FUNCTION aduan.events_append() FROM PUBLIC;
        """),
        (2, """
        -- The office's shared truth (directory, logins, calendar, rules), versioned and chained as
        -- in the SQLite store (OfficeRecord.swift). Every login of the store reads it (it is what
        -- `aduan office show` shows); only the owner writes it.
        CREATE TABLE aduan.office_versions(
            version integer PRIMARY KEY,
            document text NOT NULL,
            sha256 text NOT NULL,
            applied_at bigint NOT NULL,
            applied_by text NOT NULL,
            login text NOT NULL,
            summary text NOT NULL,
            previous_hash text NOT NULL,
            hash text NOT NULL
        );
        REVOKE ALL ON aduan.office_versions FROM PUBLIC;
        GRANT SELECT ON aduan.office_versions TO PUBLIC;
        -- What an operator's role may learn of meta: that this is an Aduan store and its schema
        -- version (not the chain head or the count of events), so a newer store is refused there too.
        CREATE FUNCTION aduan.store_version() RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
            SELECT (SELECT value FROM aduan.meta WHERE key = 'format') || ' ' || (SELECT value FROM aduan.meta WHERE key = 'schema_version')
        $fn$;
        """),
        (3, """
        -- Any role may LISTEN on any channel, so a notification carries nothing a listener may not
        -- know (issue 14): no report id, no command id. It says only that something changed; the
        -- listener reads again, through row-level security, what it may see (its own command's
        -- outcome, the reports it may open).
        CREATE OR REPLACE FUNCTION aduan.events_notify() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            PERFORM pg_notify('aduan_events', '');
            RETURN NULL;
        END
        $fn$;
        CREATE OR REPLACE FUNCTION aduan.commands_notify() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $fn$
        BEGIN
            PERFORM pg_notify('aduan_commands', '');
            RETURN NULL;
        END
        $fn$;
        """),
        (4, """
        -- The re-import key of each report without a LAPOR! tracking number (ContentKey: a hash of
        -- its first title, body, receipt time and channel), so importing a file twice finds what it
        -- stored. The owner's only: an operator who could read it could confirm a guessed
        -- confidential text, so no role is granted anything and row-level security has no policy.
        CREATE TABLE aduan.complaint_keys(
            id bigint PRIMARY KEY REFERENCES aduan.complaints(id),
            content_key text NOT NULL
        );
        CREATE INDEX complaint_keys_content ON aduan.complaint_keys(content_key);
        REVOKE ALL ON aduan.complaint_keys FROM PUBLIC;
        ALTER TABLE aduan.complaint_keys ENABLE ROW LEVEL SECURITY;
        """),
        (draftScrubVersion, """
        -- A pending draft's author and text leave complaints.state (issue 14): the rows are
        -- rewritten by PGSchema.scrubPendingDrafts (PGStateMigration.swift) after this comment.
        SELECT 1;
        """),
        (6, """
        -- The writer's auto-close sweep takes the earliest due reports a few at a time; without an
        -- index each batch scanned every report (187 ms at 1,000,000, held operators' commands).
        CREATE INDEX IF NOT EXISTS complaints_auto_close ON aduan.complaints(auto_close_at, id) WHERE auto_close_at IS NOT NULL;
        """),
        (deskCountsVersion, deskCountsMigration),
        (8, """
        -- When each report's next warning or escalation step falls due (EscalationPolicy.nextDue,
        -- written with every projection), so the writer's sweep reads over an index only the reports
        -- something is due on: reading every open report took 21.6 s a pass at 20,000. Open reports
        -- written before are marked for one look (0): the sweep stores their time as it passes them.
        ALTER TABLE aduan.complaints ADD COLUMN IF NOT EXISTS escalate_at bigint;
        UPDATE aduan.complaints SET escalate_at = 0 WHERE escalate_at IS NULL AND status IN (\(PGStore.escalationStatuses));
        CREATE INDEX IF NOT EXISTS complaints_escalate ON aduan.complaints(escalate_at, id) WHERE escalate_at IS NOT NULL;
        """),
        (audienceVersion, audienceMigration),
        (copiesVersion, copiesMigration),
        (figureCountsVersion, figureCountsMigration),
    ]
}

/// Why a PostgreSQL database is not opened as a store. Nothing is written to it.
public enum PGStoreRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// A newer build made it: its schema version is above what this one knows.
    case newerSchema(found: Int, known: Int)
    /// The `aduan` schema exists but was not made by Aduan (no `meta`, or another format).
    case foreignSchema(reason: String)
    /// The store does not exist and `create` was not asked for.
    case noStore
    case database(PostgresError)

    public var description: String {
        switch self {
        case .newerSchema(let found, let known):
            return "the store's schema is version \(found), newer than this program's \(known): update aduan; nothing was changed"
        case .foreignSchema(let reason): return "the schema '\(PGSchema.name)' is not an Aduan store (\(reason)); nothing was changed"
        case .noStore: return "no Aduan store in this database (create one with aduan init)"
        case .database(let e): return e.description
        }
    }
}

extension PGSchema {
    /// Checks the store in the connected database and brings it to `version`, creating it when
    /// `create` is set. A newer or foreign schema is refused with nothing written; migrations run
    /// in one transaction under an advisory lock, so two programs opening a new store at once
    /// create it once. Returns the version found before (0 for a new store).
    @discardableResult
    public static func open(_ conn: PGConnection, create: Bool, context: WorkflowContext? = nil) throws(PGStoreRefusal) -> Int {
        do {
            return try conn.transaction {
                try conn.query("SELECT pg_advisory_xact_lock(hashtext('aduan.migrate'))")
                let found = try foundVersion(conn)
                guard let found else {
                    guard create else { throw PGStoreRefusal.noStore }
                    try conn.execute("CREATE SCHEMA \(name)")
                    try migrate(conn, from: 0, context: context)
                    return 0
                }
                if found > version { throw PGStoreRefusal.newerSchema(found: found, known: version) }
                if found < version { try migrate(conn, from: found, context: context) }
                return found
            }
        } catch let e as PGStoreRefusal {
            throw e
        } catch let e as PostgresError {
            throw .database(e)
        } catch {
            throw .database(PostgresError(sqlState: nil, message: "\(error)"))
        }
    }

    /// The schema version of the store, nil when there is no `aduan` schema; throws when the
    /// schema is not one Aduan made.
    static func foundVersion(_ conn: PGConnection) throws -> Int? {
        let schema = try conn.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [.text(name)])
        guard schema.rowCount > 0 else { return nil }
        let meta = try conn.query("SELECT to_regclass('aduan.meta') IS NOT NULL AS present")
        guard meta.bool(0, "present") == true else { throw PGStoreRefusal.foreignSchema(reason: "no aduan.meta table") }
        let rows = try conn.query("SELECT key, value FROM aduan.meta WHERE key IN ('format', 'schema_version')")
        var values: [String: String] = [:]
        for i in 0..<rows.rowCount { values[rows.text(i, "key") ?? ""] = rows.text(i, "value") }
        guard values["format"] == format else {
            throw PGStoreRefusal.foreignSchema(reason: "format is \(values["format"].map { "'\($0)'" } ?? "missing")")
        }
        guard let v = values["schema_version"].flatMap(Int.init) else {
            throw PGStoreRefusal.foreignSchema(reason: "no schema version")
        }
        return v
    }

    static func migrate(_ conn: PGConnection, from found: Int, context: WorkflowContext? = nil) throws {
        for m in migrations where m.version > found {
            try conn.execute(m.sql)
            if m.version == draftScrubVersion { try scrubPendingDrafts(conn) }
            if m.version == figureCountsVersion && found > 0 { try backfillEscalationLevels(conn, context: context) }
            try conn.query("UPDATE aduan.meta SET value = $1 WHERE key = 'schema_version'", [.text(String(m.version))])
            if m.version == 4 && found > 0 { try backfillContentKeys(conn) }
            if m.version == audienceVersion { try fillAudiences(conn) }
        }
    }
}
