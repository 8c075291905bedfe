import AduanCore
import Glibc

// Anchors: the chain head copied to a file outside the store, one signed line per anchor, and
// the check that the store's chain still extends every anchored head.

extension ComplaintStore {
    /// The head recorded in the store: event count and the last event's hash.
    public func chainHead() throws(StoreError) -> ChainHead {
        try read {
            let chain = try Chain.load(db)
            return ChainHead(count: chain.count, hash: Hex.encode(chain.head))
        }
    }

    /// The hash chain alone (no replay): what `anchor` checks before vouching for a head.
    public func chainProblems(maxProblems: Int = 20) -> [VerifyProblem] {
        Verifier.verifyChain(path: path, maxProblems: maxProblems).problems
    }

    /// Checks every anchor against the store: the event at each anchored position must still
    /// carry the anchored hash (so the chain extends the anchored head). With `trustedKey`, each
    /// line's signature is checked too. Findings are in line order.
    public func checkAnchors(_ anchors: [AnchorLine], trustedKey: [UInt8]?) throws(StoreError) -> [AnchorFinding] {
        try read {
            var findings: [AnchorFinding] = []
            try db.execute("BEGIN")
            defer { if db.isInTransaction { try? db.execute("COMMIT") } }
            let holds = try Chain.load(db).count
            let events = try db.scalarInt("SELECT count(*) FROM events") ?? 0
            let lookup = try db.prepare("SELECT hash FROM events WHERE seq = ?")
            for a in anchors {
                if let f = Self.signatureFinding(a, trustedKey: trustedKey) { findings.append(f) }
                let present = min(holds, events)
                if a.head.count > present {
                    findings.append(.rolledBack(line: a.number, anchored: a.head.count, holds: present))
                    continue
                }
                let stored: String
                if a.head.count == 0 {
                    stored = Chain.genesisHex
                } else {
                    lookup.reset()
                    lookup.bind(a.head.count, at: 1)
                    stored = try lookup.step() ? Hex.encode(lookup.blob(0)) : ""
                }
                if stored != a.head.hash { findings.append(.rewritten(line: a.number, count: a.head.count)) }
            }
            return findings
        }
    }

    static func signatureFinding(_ a: AnchorLine, trustedKey: [UInt8]?) -> AnchorFinding? {
        guard let trustedKey else { return nil }
        guard let pub = a.publicKey, let signature = a.signature else { return .unsigned(line: a.number) }
        if pub != trustedKey { return .otherKey(line: a.number, fingerprint: AnchorLine.fingerprint(pub)) }
        return Ed25519Key.isValid(signature: signature, of: Array(a.signedText.utf8), publicKey: pub) ? nil : .badSignature(line: a.number)
    }
}

/// An anchor file: read whole, appended one line at a time.
public enum AnchorFile {
    static let maxSize = 64 << 20

    /// The anchor lines of `path`, and the lines that are not anchors; `.missing` when absent.
    public static func read(_ path: String) -> Result<(anchors: [AnchorLine], unreadable: [AnchorFinding]), AnchorFileProblem> {
        let text: String
        switch readSmallFile(path, limit: maxSize) {
        case .failure(let p): return .failure(p)
        case .success(let bytes): text = String(decoding: bytes, as: UTF8.self)
        }
        var anchors: [AnchorLine] = []
        var unreadable: [AnchorFinding] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            if let a = AnchorLine.parse(line, number: i + 1) { anchors.append(a) } else { unreadable.append(.unreadable(line: i + 1)) }
        }
        return .success((anchors, unreadable))
    }

    /// The last anchor of `path`, or nil when there is none (or the file cannot be read).
    public static func last(_ path: String) -> AnchorLine? {
        guard case .success(let r) = read(path) else { return nil }
        return r.anchors.last
    }

    /// Appends one line. A new file is created 0600 with O_CREAT|O_EXCL|O_NOFOLLOW (its folder
    /// 0700 if missing); an existing one must be a regular file that only its owner can write,
    /// opened with O_APPEND|O_NOFOLLOW, so nothing is written through a planted symlink.
    public static func append(_ line: String, to path: String) -> AnchorFileProblem? {
        var fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            makeFolders(parent(of: path))
            fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        }
        guard fd >= 0 else { return openProblem(path, errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .cannotUse(path: path, reason: errnoText()) }
        guard st.st_mode & S_IFMT == S_IFREG else { return .notRegular(path: path) }
        guard st.st_mode & 0o022 == 0 else { return .tooOpen(path: path) }
        let bytes = Array((line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return .cannotUse(path: path, reason: errnoText()) }
            written += n
        }
        guard fsync(fd) == 0 else { return .cannotUse(path: path, reason: errnoText()) }
        return nil
    }

    static func openProblem(_ path: String, _ code: Int32) -> AnchorFileProblem {
        if code == ELOOP { return .notRegular(path: path) }
        if code == ENOENT { return .missing(path: path) }
        return .cannotUse(path: path, reason: String(cString: strerror(code)))
    }

    static func readSmallFile(_ path: String, limit: Int) -> Result<[UInt8], AnchorFileProblem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(openProblem(path, errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.cannotUse(path: path, reason: errnoText())) }
        guard st.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(path: path)) }
        guard Int(st.st_size) <= limit else { return .failure(.tooLarge(path: path)) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return .failure(.cannotUse(path: path, reason: errnoText())) }
            if n == 0 { break }
            out += buffer[0..<n]
            if out.count > limit { return .failure(.tooLarge(path: path)) }
        }
        return .success(out)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func makeFolders(_ dir: String) {
        guard !dir.isEmpty, dir != "/", dir != "." else { return }
        var st = stat()
        if stat(dir, &st) == 0 { return }
        makeFolders(parent(of: dir))
        mkdir(dir, 0o700)
    }
}

/// The office's anchor signing key: a 0600 file holding the Ed25519 private seed, and beside it
/// (`KEY.pub`) the public key, which `verify --anchors` trusts and a supervisor keeps on record.
public enum AnchorKey {
    static let privateTag = "aduan-anchor-key v1 ed25519 "
    static let publicTag = "aduan-anchor-public-key v1 ed25519 "

    /// The key at `path`, created (0600, O_CREAT|O_EXCL|O_NOFOLLOW) with its `.pub` when missing.
    public static func loadOrCreate(_ path: String) -> Result<(key: Ed25519Key, created: Bool), AnchorFileProblem> {
        switch load(path) {
        case .success(let key): return .success((key, false))
        case .failure(.missing):
            guard let key = Ed25519Key.generate() else { return .failure(.cannotUse(path: path, reason: "libcrypto could not make a key")) }
            AnchorFile.makeFolders(AnchorFile.parent(of: path))
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return .failure(AnchorFile.openProblem(path, errno)) }
            let text = Array((privateTag + Hex.encode(key.seed) + "\n").utf8)
            let ok = text.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == text.count && fsync(fd) == 0
            close(fd)
            guard ok else { unlink(path); return .failure(.cannotUse(path: path, reason: errnoText())) }
            let pub = path + ".pub"
            let pfd = open(pub, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if pfd >= 0 {
                let p = Array((publicTag + Hex.encode(key.publicKey) + "\n").utf8)
                _ = p.withUnsafeBytes { Glibc.write(pfd, $0.baseAddress, $0.count) }
                close(pfd)
            }
            return .success((key, true))
        case .failure(let p): return .failure(p)
        }
    }

    /// The private key at `path`; it must be a regular file no one else can read.
    public static func load(_ path: String) -> Result<Ed25519Key, AnchorFileProblem> {
        var st = stat()
        if lstat(path, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(path: path)) }
            guard st.st_mode & 0o077 == 0 else { return .failure(.tooOpen(path: path)) }
        }
        switch AnchorFile.readSmallFile(path, limit: 4096) {
        case .failure(let p): return .failure(p)
        case .success(let bytes):
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: "\n")
            guard text.hasPrefix(privateTag), let seed = Hex.decode(text.dropFirst(privateTag.count)),
                  let key = Ed25519Key(seed: seed) else { return .failure(.malformedKey(path: path)) }
            return .success(key)
        }
    }

    /// The public key `verify` trusts: `KEY.pub`, else derived from the private key; nil when neither is there.
    public static func trustedPublicKey(_ path: String) -> Result<[UInt8]?, AnchorFileProblem> {
        switch AnchorFile.readSmallFile(path + ".pub", limit: 4096) {
        case .success(let bytes):
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: "\n")
            guard text.hasPrefix(publicTag), let pub = Hex.decode(text.dropFirst(publicTag.count)), pub.count == 32 else {
                return .failure(.malformedKey(path: path + ".pub"))
            }
            return .success(pub)
        case .failure(.missing):
            switch load(path) {
            case .success(let key): return .success(key.publicKey)
            case .failure(.missing): return .success(nil)
            case .failure(let p): return .failure(p)
            }
        case .failure(let p): return .failure(p)
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.last == set || s.last == "\r" { s = s.dropLast() }
        return String(s)
    }
}

/// A store whose hash chain can be anchored (`aduan anchor`), whichever backend keeps it.
public protocol AnchoredChain: AnyObject {
    /// The head recorded in the store: event count and the last event's hash.
    func anchorHead() throws(StoreError) -> ChainHead
    /// Why the chain does not hold together (the first problem), nil when it does.
    func anchorChainBreak() throws(StoreError) -> String?
    /// Every anchor checked against the store (see `ComplaintStore.checkAnchors`).
    func checkAnchors(_ anchors: [AnchorLine], trustedKey: [UInt8]?) throws(StoreError) -> [AnchorFinding]
}

extension ComplaintStore: AnchoredChain {
    public func anchorHead() throws(StoreError) -> ChainHead { try chainHead() }
    public func anchorChainBreak() throws(StoreError) -> String? { chainProblems().first?.description }
}
