// Anchors: copies of the event chain's head kept outside the store. A store can be rewritten
// consistently (every hash recomputed) or rolled back (a lost -wal, an old copy put back), and
// `verify` alone cannot tell; a head kept elsewhere can. The rules live here; the store reads
// the file, checks signatures (libcrypto) and looks the anchored positions up.

/// The head of the event chain: how many events, and the last one's hash (lowercase hex).
public struct ChainHead: Sendable, Equatable {
    public var count: Int64
    public var hash: String

    public init(count: Int64, hash: String) {
        self.count = count
        self.hash = hash
    }

    /// "1234 3f9a…": what a supervisor copies into a report (the whole hash, nothing cut).
    public var text: String { "\(count) \(hash)" }
}

/// One line of an anchor file:
/// `aduan-anchor v1 COUNT HASH TIME STORE [ed25519=PUBLIC:SIGNATURE]`,
/// the signature covering every character before the space that precedes it.
public struct AnchorLine: Sendable, Equatable {
    public static let tag = "aduan-anchor"
    public static let version = "v1"

    public var head: ChainHead
    public var at: Timestamp
    /// The store path as written when anchoring (informative: a copy may live elsewhere).
    public var store: String
    /// The signing public key and the signature, both raw bytes; nil on an unsigned line.
    public var publicKey: [UInt8]?
    public var signature: [UInt8]?
    /// The text the signature covers.
    public var signedText: String
    /// 1-based line number in its file.
    public var number: Int

    /// The signed part of a new anchor line.
    public static func unsignedText(head: ChainHead, at: Timestamp, zone: OfficeTimeZone, store: String) -> String {
        "\(tag) \(version) \(head.count) \(head.hash) \(at.iso8601(in: zone)) \(encodePath(store))"
    }

    /// A whole line: the signed part and its signature field.
    public static func signedLine(_ text: String, publicKey: [UInt8], signature: [UInt8]) -> String {
        text + " ed25519=" + Hex.encode(publicKey) + ":" + Hex.encode(signature)
    }

    /// Reads one line; nil when it is not a well-formed v1 anchor line.
    public static func parse(_ line: some StringProtocol, number: Int) -> AnchorLine? {
        let fields = line.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 6 || fields.count == 7, fields[0] == tag, fields[1] == version,
              let count = Int64(fields[2]), count >= 0,
              fields[3].utf8.count == 64, Hex.decode(fields[3]) != nil,
              case .success(let at) = Timestamp.parseISO8601(String(fields[4])),
              let store = decodePath(fields[5]) else { return nil }
        var anchor = AnchorLine(head: ChainHead(count: count, hash: String(fields[3])), at: at, store: store,
                                publicKey: nil, signature: nil, signedText: fields[0...5].joined(separator: " "), number: number)
        if fields.count == 7 {
            let sig = fields[6]
            guard sig.hasPrefix("ed25519=") else { return nil }
            let parts = sig.dropFirst("ed25519=".count).split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let pub = Hex.decode(parts[0]), pub.count == 32,
                  let signature = Hex.decode(parts[1]), signature.count == 64 else { return nil }
            anchor.publicKey = pub
            anchor.signature = signature
        }
        return anchor
    }

    /// A key's short name: the first 16 hex digits of its public key.
    public static func fingerprint(_ publicKey: [UInt8]) -> String { String(Hex.encode(publicKey).prefix(16)) }

    /// Spaces, "%" and control characters percent-encoded, so a path stays one field.
    static func encodePath(_ path: String) -> String {
        var bytes: [UInt8] = []
        for b in path.utf8 {
            if b <= 0x20 || b == 0x25 || b == 0x7F {
                bytes += Array("%".utf8) + Array(Hex.encode([b]).utf8)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decodePath(_ field: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        var it = Array(field.utf8)[...]
        while let b = it.popFirst() {
            if b == 0x25 {
                guard it.count >= 2, let v = Hex.decode(String(decoding: it.prefix(2), as: UTF8.self)) else { return nil }
                bytes += v
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}

/// What checking a store against its anchors found; each names the anchor line it concerns.
public enum AnchorFinding: Sendable, Equatable {
    /// Not a v1 anchor line (edited, cut, or not an anchor file).
    case unreadable(line: Int)
    /// The store holds fewer events than were anchored: a lost -wal, or an older copy put back.
    case rolledBack(line: Int, anchored: Int64, holds: Int64)
    /// The event at the anchored position has another hash: history rewritten and rehashed.
    case rewritten(line: Int, count: Int64)
    /// The signature does not match the line (the line was altered).
    case badSignature(line: Int)
    /// Signed with a key other than the office's anchor key.
    case otherKey(line: Int, fingerprint: String)
    /// Unsigned, in a file whose other lines the office key signs.
    case unsigned(line: Int)

    public var line: Int {
        switch self {
        case .unreadable(let l), .rolledBack(let l, _, _), .rewritten(let l, _), .badSignature(let l),
             .otherKey(let l, _), .unsigned(let l): l
        }
    }
}

/// Why an anchor file or its key could not be used.
public enum AnchorFileProblem: Error, Sendable, Equatable {
    /// Missing when it must exist (`verify --anchors FILE`).
    case missing(path: String)
    /// Cannot be opened, read, created or written: the system's reason.
    case cannotUse(path: String, reason: String)
    /// A symlink, folder or device where a regular file must be.
    case notRegular(path: String)
    /// Others may write it (anchors) or read it (the key): refused until `chmod 600`.
    case tooOpen(path: String)
    /// Not a key file Aduan wrote.
    case malformedKey(path: String)
    /// Larger than any anchor file should be.
    case tooLarge(path: String)
}
