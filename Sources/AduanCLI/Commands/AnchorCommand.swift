import AduanCore
import AduanStore
import Glibc

/// Where anchors go by default: beside the other per-user data (`$XDG_DATA_HOME/aduan/anchors`),
/// one file per store (named after the store file and its absolute path, so two stores called
/// aduan.db in different folders never share one), and one signing key for all of them.
enum AnchorPaths {
    static func anchors(_ s: Session) -> String {
        if let given = s.arguments.value("anchors") { return expand(given) }
        let store = storeName(s)
        // A PostgreSQL store is named by its connection string, which holds slashes and '?'.
        let name = s.location.isPostgres ? "postgresql" : store.split(separator: "/").last.map(String.init) ?? "aduan.db"
        return Platform.dataDirectory + "/anchors/" + name + "-" + String(SHA256.hex(store).prefix(8)) + ".anchors"
    }

    /// `--key FILE`, else `anchor-key` in the anchor file's folder.
    static func key(_ s: Session, anchors: String) -> String {
        if let given = s.arguments.value("key") { return expand(given) }
        let folder = anchors.lastIndex(of: "/").map { String(anchors[..<$0]) } ?? "."
        return (folder.isEmpty ? "" : folder) + "/anchor-key"
    }

    /// The store as an anchor names it: a file's absolute path, a PostgreSQL store's connection string.
    static func storeName(_ s: Session) -> String {
        s.location.isPostgres ? s.storePath : absolute(s.storePath)
    }

    static func expand(_ p: String) -> String { p.hasPrefix("~/") ? Platform.home + p.dropFirst() : p }

    static func absolute(_ p: String) -> String {
        guard !p.hasPrefix("/") else { return p }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return p }
        return String(cString: buffer) + "/" + p
    }
}

/// `aduan anchor [--anchors FILE] [--key FILE]`: appends the chain head, its time and a signature.
enum AnchorCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 0...0, "no arguments")
        func say(_ m: AnchorMessage) -> String { AnchorText.message(m, s.language) }
        let path = AnchorPaths.anchors(s)
        let keyPath = AnchorPaths.key(s, anchors: path)
        // On PostgreSQL the chain is the store's owner's to read (aduan.events, aduan.meta).
        let store: any AnchoredChain = s.location.isPostgres ? try s.ownerStore("anchor") : try s.openStore(reading: true)
        let now = try Platform.now(s.language)

        // Vouch only for a chain that holds together and still extends every earlier anchor.
        let broken: String?
        do { broken = try store.anchorChainBreak() } catch { throw .store(error) }
        if let broken {
            throw .refused(say(.chainBroken) + SafeText.line(broken))
        }
        let key: Ed25519Key
        let created: Bool
        switch AnchorKey.loadOrCreate(keyPath) {
        case .success(let r): (key, created) = r
        case .failure(let p): throw .refused(AnchorText.problem(p, s.language))
        }
        switch AnchorFile.read(path) {
        case .success(let existing):
            let findings = try checked(store, existing.anchors, trustedKey: key.publicKey) + existing.unreadable
            if !findings.isEmpty {
                for f in findings.sorted(by: { $0.line < $1.line }) { s.err.line(SafeText.line(AnchorText.finding(f, file: path, s.language))) }
                throw .refused(say(.storeNoLongerMatches(file: path)))
            }
        case .failure(.missing): break
        case .failure(let p): throw .refused(AnchorText.problem(p, s.language))
        }

        let head: ChainHead
        do { head = try store.anchorHead() } catch { throw .store(error) }
        let text = AnchorLine.unsignedText(head: head, at: now, zone: s.zone, store: AnchorPaths.storeName(s))
        guard let signature = key.sign(Array(text.utf8)) else {
            throw .refused(say(.cannotSign))
        }
        if let p = AnchorFile.append(AnchorLine.signedLine(text, publicKey: key.publicKey, signature: signature), to: path) {
            throw .refused(AnchorText.problem(p, s.language))
        }
        let fp = AnchorLine.fingerprint(key.publicKey)
        if created {
            s.out.line(say(.newKey(path: keyPath)))
            s.out.line("  ed25519 " + Hex.encode(key.publicKey))
            s.out.line(say(.keepPublicKey))
        }
        s.out.line(say(.anchored(events: Int(head.count), hash: head.hash, at: now.iso8601(in: s.zone), file: path, key: fp)))
        return 0
    }

    static func checked(_ store: any AnchoredChain, _ anchors: [AnchorLine], trustedKey: [UInt8]?) throws(CLIError) -> [AnchorFinding] {
        do { return try store.checkAnchors(anchors, trustedKey: trustedKey) } catch { throw .store(error) }
    }

    /// `verify`'s ending: the head, then (with `--anchors`, or when this store's default anchor
    /// file exists) every anchor checked. Returns whether the anchors hold.
    static func verifyEnding(_ s: Session, _ store: ComplaintStore) throws(CLIError) -> Bool {
        func say(_ m: AnchorMessage) -> String { AnchorText.message(m, s.language) }
        let head: ChainHead
        do { head = try store.chainHead() } catch { throw .store(error) }
        s.out.line(AnchorText.head(head, s.language))
        let path = AnchorPaths.anchors(s)
        let explicit = s.arguments.value("anchors") != nil
        let read: (anchors: [AnchorLine], unreadable: [AnchorFinding])
        switch AnchorFile.read(path) {
        case .success(let r): read = r
        case .failure(.missing) where !explicit: return true
        case .failure(let p): throw .environment(AnchorText.problem(p, s.language))
        }
        let keyPath = AnchorPaths.key(s, anchors: path)
        let trusted: [UInt8]?
        switch AnchorKey.trustedPublicKey(keyPath) {
        case .success(let k): trusted = k
        case .failure(let p): throw .environment(AnchorText.problem(p, s.language))
        }
        let findings = (try checked(store, read.anchors, trustedKey: trusted) + read.unreadable).sorted { $0.line < $1.line }
        if trusted == nil {
            s.err.line(say(.noKey(path: keyPath)))
        }
        for f in findings { s.out.line("anchor: " + SafeText.line(AnchorText.finding(f, file: path, s.language))) }
        let signedBy = trusted.map { say(.signedBy(AnchorLine.fingerprint($0))) } ?? ""
        if findings.isEmpty {
            s.out.line(say(.anchorsOK(count: read.anchors.count, file: path, signedBy: signedBy)))
            return true
        }
        s.out.line(say(.anchorsBroken(count: findings.count, file: path)))
        return false
    }
}
