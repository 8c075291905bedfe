import AduanCore
import AduanStore
import Glibc

/// Where anchors go by default: beside the other per-user data (`$XDG_DATA_HOME/aduan/anchors`),
/// one file per store (named after the store file and its absolute path, so two stores called
/// aduan.db in different folders never share one), and one signing key for all of them.
enum AnchorPaths {
    static func anchors(_ s: Session) -> String {
        if let given = s.arguments.value("anchors") { return expand(given) }
        let store = absolute(s.storePath)
        let name = store.split(separator: "/").last.map(String.init) ?? "aduan.db"
        return Platform.dataDirectory + "/anchors/" + name + "-" + String(SHA256.hex(store).prefix(8)) + ".anchors"
    }

    /// `--key FILE`, else `anchor-key` in the anchor file's folder.
    static func key(_ s: Session, anchors: String) -> String {
        if let given = s.arguments.value("key") { return expand(given) }
        let folder = anchors.lastIndex(of: "/").map { String(anchors[..<$0]) } ?? "."
        return (folder.isEmpty ? "" : folder) + "/anchor-key"
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
        let en = s.language == .en
        let path = AnchorPaths.anchors(s)
        let keyPath = AnchorPaths.key(s, anchors: path)
        let store = try s.openStore(reading: true)
        let now = try Platform.now()

        // Vouch only for a chain that holds together and still extends every earlier anchor.
        let problems = store.chainProblems()
        if !problems.isEmpty {
            throw .refused((en ? "the event chain is broken; not anchored (run `aduan verify`): " : "rantai peristiwa rusak; tidak dijangkarkan (jalankan `aduan verify`): ")
                           + SafeText.line(problems[0].description))
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
                throw .refused(en ? "the store no longer matches its anchors; not anchored (see `aduan verify --anchors \(path)`)"
                                  : "penyimpanan tidak lagi cocok dengan jangkarnya; tidak dijangkarkan (lihat `aduan verify --anchors \(path)`)")
            }
        case .failure(.missing): break
        case .failure(let p): throw .refused(AnchorText.problem(p, s.language))
        }

        let head: ChainHead
        do { head = try store.chainHead() } catch { throw .store(error) }
        let text = AnchorLine.unsignedText(head: head, at: now, zone: s.zone, store: AnchorPaths.absolute(s.storePath))
        guard let signature = key.sign(Array(text.utf8)) else {
            throw .refused(en ? "libcrypto could not sign the anchor line" : "libcrypto tidak dapat menandatangani baris jangkar")
        }
        if let p = AnchorFile.append(AnchorLine.signedLine(text, publicKey: key.publicKey, signature: signature), to: path) {
            throw .refused(AnchorText.problem(p, s.language))
        }
        let fp = AnchorLine.fingerprint(key.publicKey)
        if created {
            s.out.line(en ? "New anchor key \(keyPath) (mode 0600); public key \(keyPath).pub:"
                          : "Kunci jangkar baru \(keyPath) (mode 0600); kunci publik \(keyPath).pub:")
            s.out.line("  ed25519 " + Hex.encode(key.publicKey))
            s.out.line(en ? "  Keep the public key on record (e.g. in the supervisor's report); `verify --anchors` checks signatures with it."
                          : "  Simpan kunci publik ini di catatan (mis. laporan pengawas); `verify --anchors` memeriksa tanda tangan dengannya.")
        }
        s.out.line(en ? "Anchored \(NumberFormat.grouped(Int(head.count), .en)) events, sha256 \(head.hash), at \(now.iso8601(in: s.zone)) in \(path) (signed, key \(fp))."
                      : "Dijangkarkan \(NumberFormat.grouped(Int(head.count), .id)) peristiwa, sha256 \(head.hash), pada \(now.iso8601(in: s.zone)) di \(path) (ditandatangani, kunci \(fp)).")
        return 0
    }

    static func checked(_ store: ComplaintStore, _ anchors: [AnchorLine], trustedKey: [UInt8]?) throws(CLIError) -> [AnchorFinding] {
        do { return try store.checkAnchors(anchors, trustedKey: trustedKey) } catch { throw .store(error) }
    }

    /// `verify`'s ending: the head, then (with `--anchors`, or when this store's default anchor
    /// file exists) every anchor checked. Returns whether the anchors hold.
    static func verifyEnding(_ s: Session, _ store: ComplaintStore) throws(CLIError) -> Bool {
        let en = s.language == .en
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
            s.err.line(en ? "note: no anchor key at \(keyPath) (or --key): signatures not checked"
                          : "catatan: tidak ada kunci jangkar di \(keyPath) (atau --key): tanda tangan tidak diperiksa")
        }
        for f in findings { s.out.line("anchor: " + SafeText.line(AnchorText.finding(f, file: path, s.language))) }
        let signedBy = trusted.map { en ? ", signatures by key \(AnchorLine.fingerprint($0))" : ", tanda tangan kunci \(AnchorLine.fingerprint($0))" } ?? ""
        if findings.isEmpty {
            s.out.line(en ? "Anchors OK: the chain extends all \(read.anchors.count) anchor(s) in \(path)\(signedBy)."
                          : "Jangkar OK: rantai melanjutkan semua \(read.anchors.count) jangkar di \(path)\(signedBy).")
            return true
        }
        s.out.line(en ? "ANCHORS BROKEN: \(findings.count) problem(s) against \(path)."
                      : "JANGKAR RUSAK: \(findings.count) masalah terhadap \(path).")
        return false
    }
}
