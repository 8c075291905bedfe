import AduanCore

/// Text search by audience (schema 9, issue 14).
///
/// Row-level security keeps an operator from reading a text, but it cannot let the words' index be
/// used for them without letting the index look at every text first: PostgreSQL then counts, in
/// the operator's own session (`pg_stat_get_xact_*`, `EXPLAIN (ANALYZE, BUFFERS)`), rows the
/// operator may not read, and that spells out hidden words (session 7's review). So every text row
/// also carries its words once per reader's key (`Audience.tokens`, decided by the core): the
/// lexeme is the key's length, the key, then the word (`scopedLexeme`), in `scoped_words`, under a
/// GIN index of its own. `aduan.search_texts` (a function that runs as the store's owner) asks the
/// index only for lexemes under the caller's own keys (`aduan.login_audiences`, written by the
/// roles script from `Audience.keys`), so the index never reaches an entry of a text the caller
/// may not read: which words exist, how many rows hold them, where they sit in the index, all of
/// it is the caller's own texts'. `PGSearchLeakTests` holds it to that; `PGScopedSearchTests` to
/// finding exactly what the policies let each login read.
extension PGSearch {
    /// At most this many bytes of a text row's scoped vector (PostgreSQL refuses a `tsvector` over
    /// 1 MiB): a long text's later words, past the budget, are not found by an operator's search.
    static let scopedBudget = 900_000

    /// The lexeme of `word` under key `key`: unambiguous whatever the key holds (its length first).
    public static func scopedLexeme(_ key: String, _ word: String) -> String {
        "\(key.utf8.count):\(key)\(word)"
    }

    /// The words (first seen first) that go under every token: within `scopedBudget`, none whose
    /// lexeme would pass PostgreSQL's 2,046 bytes (such a word is not found by operators).
    static func scopedWords(tokens: [String], title: String, body: String) -> [(word: String, positions: [Int])] {
        guard !tokens.isEmpty else { return [] }
        let prefixes = tokens.map { "\($0.utf8.count):\($0)".utf8.count }
        let longest = prefixes.max() ?? 0
        var kept: [(word: String, positions: [Int])] = []
        var size = 8
        for w in entries(title: title, body: body) {
            let n = w.word.utf8.count
            if longest + n > 2_046 { continue }
            let cost = prefixes.reduce(0) { $0 + $1 + n + 8 + 2 * w.positions.count }
            if size + cost > scopedBudget { break }
            size += cost
            kept.append(w)
        }
        return kept
    }

    /// `entries(title:body:)` once per token, each word qualified by it, within `scopedBudget`.
    static func scopedEntries(tokens: [String], title: String, body: String) -> [(word: String, positions: [Int])] {
        let words = scopedWords(tokens: tokens, title: title, body: body)
        var out: [(word: String, positions: [Int])] = []
        out.reserveCapacity(words.count * tokens.count)
        for w in words { for k in tokens { out.append((scopedLexeme(k, w.word), w.positions)) } }
        return out
    }

    /// The scoped vector as a literal (the writer's statements).
    public static func scopedVector(tokens: [String], title: String, body: String) -> String {
        literal(scopedEntries(tokens: tokens, title: title, body: body))
    }

    /// The scoped vector as a binary COPY field (the bulk load), in the server's order without
    /// comparing whole lexemes: a key's prefix (its length, ':', the key) is never a prefix of
    /// another key's, so the lexemes go key by key in the prefixes' order, each key's words in
    /// the words' order (`PGBulkTests` holds it to the literal's value).
    public static func appendBinaryScopedVector(tokens: [String], title: String, body: String, to out: inout [UInt8]) {
        let start = BinaryCopyWriter.openField(&out)
        var words = scopedWords(tokens: tokens, title: title, body: body).map { (bytes: Array($0.word.utf8), positions: $0.positions) }
        words.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        let prefixes = tokens.map { Array("\($0.utf8.count):\($0)".utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        BinaryCopyWriter.int32(Int32(words.count * prefixes.count), &out)
        for p in prefixes {
            for w in words {
                out.append(contentsOf: p)
                out.append(contentsOf: w.bytes)
                out.append(0)
                BinaryCopyWriter.int16(Int16(w.positions.count), &out)
                for q in w.positions { BinaryCopyWriter.int16(Int16(q), &out) }
            }
        }
        BinaryCopyWriter.closeField(start, &out)
    }

    /// A `tsquery` literal for `terms` (each a phrase whose last word is a prefix, as
    /// `PostgreSQLDialect.textQuery`) under any of `keys`: a term matches under one key, every
    /// term must match. Used by tests and `aduan verify` to ask what the function asks.
    public static func scopedQuery(_ terms: [[String]], keys: [String]) -> String {
        terms.map { term in
            "(" + keys.map { k in
                "(" + term.enumerated().map { i, word in
                    lexeme(scopedLexeme(k, word)) + (i == term.count - 1 ? ":*" : "")
                }.joined(separator: " <-> ") + ")"
            }.joined(separator: " | ") + ")"
        }.joined(separator: " & ")
    }
}

extension BinaryCopyWriter {
    /// A `text[]` as a binary COPY field (what `array_recv` reads): one dimension, no NULLs,
    /// element type `text` (OID 25); an empty array has no dimension.
    static func appendTextArray(_ items: [String], to out: inout [UInt8]) {
        let start = openField(&out)
        int32(items.isEmpty ? 0 : 1, &out)
        int32(0, &out)
        int32(25, &out)
        if !items.isEmpty {
            int32(Int32(items.count), &out)
            int32(1, &out)
            for s in items {
                int32(Int32(s.utf8.count), &out)
                out.append(contentsOf: s.utf8)
            }
        }
        closeField(start, &out)
    }
}

extension PGSchema {
    /// The migration's number.
    static let audienceVersion = 9

    /// Text rows get their readers' tokens (`audience`) and their words under each (`scoped_words`),
    /// filled by `fillAudiences` after this SQL (the index is built after the rows are filled); the
    /// words' index over every text row goes: nothing an operator runs may use it (row-level
    /// security does not let it, rightly), and the owner's rare searches read the rows.
    static let audienceMigration = #"""
        ALTER TABLE aduan.complaint_texts ADD COLUMN IF NOT EXISTS audience text[] NOT NULL DEFAULT '{}';
        ALTER TABLE aduan.complaint_texts ADD COLUMN IF NOT EXISTS scoped_words tsvector NOT NULL DEFAULT ''::tsvector;
        DROP INDEX IF EXISTS aduan.complaint_texts_words;
        -- No statistics of the words (a login's EXPLAIN would show estimates built from every
        -- row's words, readable or not); the search function does not need them.
        ALTER TABLE aduan.complaint_texts ALTER COLUMN words SET STATISTICS 0,
            ALTER COLUMN scoped_words SET STATISTICS 0, ALTER COLUMN audience SET STATISTICS 0;
        -- The scoped words are several times the words: compressed with lz4 where the server has
        -- it (a third less time than pglz writing them at 100,000), else as before.
        DO $lz4$
        BEGIN
            ALTER TABLE aduan.complaint_texts ALTER COLUMN scoped_words SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
            NULL;
        END
        $lz4$;
        -- Logins granted the whole table before (the roles script of schema 8) keep what they
        -- read, not the new columns: the roles script now grants the texts' columns by name.
        DO $grants$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                     WHERE table_schema = 'aduan' AND table_name = 'complaint_texts' AND privilege_type = 'SELECT'
                       AND grantee <> current_user LOOP
                EXECUTE format('REVOKE SELECT ON aduan.complaint_texts FROM %I', r.grantee);
                EXECUTE format('GRANT SELECT (id, masked, title, body, location, words) ON aduan.complaint_texts TO %I', r.grantee);
            END LOOP;
        END
        $grants$;
        -- Each login's keys (Audience.keys of its hats), written by the roles script. The owner's
        -- only: the search function reads it for the login that calls it (session_user).
        CREATE TABLE IF NOT EXISTS aduan.login_audiences(
            login text PRIMARY KEY,
            keys text[] NOT NULL
        );
        REVOKE ALL ON aduan.login_audiences FROM PUBLIC;
        ALTER TABLE aduan.login_audiences ENABLE ROW LEVEL SECURITY;
        -- Has the calling login been given its keys (the roles script ran since the upgrade)?
        CREATE OR REPLACE FUNCTION aduan.search_ready() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
            SELECT EXISTS (SELECT 1 FROM aduan.login_audiences WHERE login = session_user)
        $fn$;
        -- The reports with a text the calling login may read that holds every term (a term: words
        -- separated by one space, a phrase whose last word is a prefix). The index is asked for
        -- the caller's own keys' lexemes only (PGScopedSearch.swift): the key's length in UTF-8
        -- bytes, ':', the key, the word. At most 64 words in all, so the query's size depends on
        -- the caller's keys and words only, and no error on what hidden rows hold. The function's
        -- own settings keep the caller's from changing how it reads (an index, an exact bitmap);
        -- without JIT, which the sequential scan's disabled cost would otherwise start (40 ms a call).
        CREATE OR REPLACE FUNCTION aduan.search_texts(terms text[]) RETURNS SETOF bigint
        LANGUAGE plpgsql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp SET enable_seqscan = off SET work_mem = '64MB'
        SET standard_conforming_strings = on SET jit = off AS $fn$
        DECLARE
            k text[];
            term text;
            ws text[];
            key text;
            prefix text;
            i int;
            total int := 0;
            lexes text[];
            alts text[];
            parts text[] := '{}';
        BEGIN
            SELECT a.keys INTO k FROM aduan.login_audiences a WHERE a.login = session_user;
            IF k IS NULL OR cardinality(k) = 0 OR coalesce(cardinality(terms), 0) = 0 THEN
                RETURN;
            END IF;
            FOREACH term IN ARRAY terms LOOP
                ws := array_remove(string_to_array(term, ' '), '');
                total := total + coalesce(cardinality(ws), 0);
                IF coalesce(cardinality(ws), 0) = 0 OR total > 64 THEN
                    RAISE EXCEPTION 'a search has 1 to 64 words in each term and at most 64 in all' USING ERRCODE = '54000';
                END IF;
                alts := '{}';
                FOREACH key IN ARRAY k LOOP
                    prefix := octet_length(convert_to(key, 'UTF8'))::text || ':' || key;
                    lexes := '{}';
                    FOR i IN 1 .. cardinality(ws) LOOP
                        lexes := lexes || ('''' || replace(replace(prefix || ws[i], E'\\', E'\\\\'), '''', '''''') || ''''
                                           || CASE WHEN i = cardinality(ws) THEN ':*' ELSE '' END);
                    END LOOP;
                    alts := alts || ('(' || array_to_string(lexes, ' <-> ') || ')');
                END LOOP;
                parts := parts || ('(' || array_to_string(alts, ' | ') || ')');
            END LOOP;
            RETURN QUERY SELECT DISTINCT t.id FROM aduan.complaint_texts t WHERE t.scoped_words @@ array_to_string(parts, ' & ')::tsquery;
        END
        $fn$;
        GRANT EXECUTE ON FUNCTION aduan.search_ready(), aduan.search_texts(text[]) TO PUBLIC;
        """#

    /// The scoped words' index (built after the rows are filled, and by a bulk load at its end).
    static let scopedIndex = "CREATE INDEX IF NOT EXISTS complaint_texts_scoped ON aduan.complaint_texts USING gin(scoped_words) WITH (fastupdate = off)"

    /// Version 9 on a store that holds reports: every text row's tokens and scoped words, from
    /// the report's state (its holders, copies and flags) and the row's own texts, a page of
    /// reports at a time; then the index.
    static func fillAudiences(_ conn: PGConnection) throws {
        try conn.execute("CREATE TEMP TABLE audience_fill(id bigint, masked boolean, audience text[], scoped_words tsvector) ON COMMIT DROP")
        var last: Int64 = 0
        while true {
            let page = try conn.query("SELECT max(id) AS m FROM (SELECT id FROM aduan.complaints WHERE id > $1 ORDER BY id LIMIT 2000) p", [.int(last)])
            guard let end = page.int64(0, "m") else { break }
            let r = try conn.query("""
                SELECT c.id, c.state, c.intake_agency, c.anonymous, c.confidential, c.holder_agency, c.holder_unit, t.masked, t.title, t.body
                FROM aduan.complaints c JOIN aduan.complaint_texts t ON t.id = c.id
                WHERE c.id > $1 AND c.id <= $2 ORDER BY c.id, t.masked
                """, [.int(last), .int(end)])
            last = end
            var rows: [[PGValue]] = []
            var decoded: (id: Int64, c: Complaint)?
            for i in 0..<r.rowCount {
                guard let id = r.int64(i, "id"), let state = r.text(i, "state") else { continue }
                if decoded?.id != id {
                    // What the tokens read: the state's holder chain and copies, the row's columns.
                    var c = Complaint(id: id, intake: Intake(title: "", body: "", agency: r.text(i, "intake_agency") ?? ""),
                                      at: Timestamp(seconds: 0), actor: .system)
                    guard StateCodec.decode(state, into: &c) else {
                        throw PostgresError(sqlState: nil, message: "report #\(id) has a damaged state record; nothing was changed")
                    }
                    c.anonymous = r.bool(i, "anonymous") ?? true
                    c.confidential = r.bool(i, "confidential") ?? true
                    c.holder = Holder(agency: r.text(i, "holder_agency") ?? "", unit: r.text(i, "holder_unit"))
                    decoded = (id, c)
                }
                let masked = r.bool(i, "masked") ?? true
                let tokens = Audience.tokens(of: decoded!.c, masked: masked)
                rows.append([.int(id), .bool(masked), .text(PGStore.arrayLiteral(tokens)),
                             .text(PGSearch.scopedVector(tokens: tokens, title: r.text(i, "title") ?? "", body: r.text(i, "body") ?? ""))])
            }
            try conn.copyIn("COPY audience_fill(id, masked, audience, scoped_words) FROM STDIN", rows)
        }
        try conn.execute("""
            UPDATE aduan.complaint_texts t SET audience = f.audience, scoped_words = f.scoped_words
            FROM audience_fill f WHERE f.id = t.id AND f.masked = t.masked
            """)
        try conn.execute(scopedIndex)
    }
}

extension PGOperatorStore {
    /// Does the store keep search keys for the connection's login? Not on a store older than
    /// schema 9, nor before its owner ran the roles script since upgrading: the login then
    /// searches its texts under row-level security, as before (slower, never more).
    public static func searchesByAudience(_ conn: PGConnection) throws(PostgresError) -> Bool {
        guard try conn.query("SELECT to_regprocedure('aduan.search_ready()') IS NOT NULL AS f").bool(0, "f") == true else { return false }
        return try conn.query("SELECT aduan.search_ready() AS ready").bool(0, "ready") == true
    }
}
