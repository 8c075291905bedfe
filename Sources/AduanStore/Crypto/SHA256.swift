import AduanCore
import CCrypto

// SHA-256 from OpenSSL's libcrypto (EVP interface), for the event hash chain and content keys.
// It replaced a hand-written Swift SHA-256: the digests are byte-identical (same algorithm), so
// stores written before still verify; a million 200-byte messages hash ~3.5× faster.

/// An incremental SHA-256 hasher.
///
/// Feed bytes with `update` in any chunking, then read the 32-byte digest with `finalize()`,
/// which leaves the hasher unchanged so more data can still be added afterwards. A value type:
/// a copy hashes on independently (the libcrypto context is copied on first write).
public struct SHA256: Sendable {
    private var context: Context

    /// Creates a hasher in the initial state.
    public init() { context = Context() }

    /// Adds the bytes in `buffer`.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard !buffer.isEmpty else { return }
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        guard EVP_DigestUpdate(context.handle, buffer.baseAddress, buffer.count) == 1 else { Context.fail("update") }
    }

    /// Adds the bytes of any sequence, using its contiguous storage directly when it has one.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard done == nil else { return }
        var chunk: [UInt8] = []
        chunk.reserveCapacity(4096)
        for byte in bytes {
            chunk.append(byte)
            if chunk.count == 4096 {
                chunk.withUnsafeBytes { update($0) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.withUnsafeBytes { update($0) }
    }

    /// Adds the UTF-8 bytes of `string`.
    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The 32-byte digest of everything added so far; the hasher itself is not changed.
    public func finalize() -> [UInt8] {
        let done = context.copy()
        return [UInt8](unsafeUninitializedCapacity: 32) { out, n in
            var length: UInt32 = 0
            guard EVP_DigestFinal_ex(done.handle, out.baseAddress, &length) == 1, length == 32 else { Context.fail("final") }
            n = 32
        }
    }

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }

    /// The lowercase hexadecimal digest of the UTF-8 bytes of `string`.
    public static func hex(_ string: String) -> String {
        var hasher = SHA256()
        hasher.update(string)
        return hexString(hasher.finalize())
    }

    /// Lowercase hexadecimal text for any bytes, two characters per byte.
    public static func hexString(_ digest: [UInt8]) -> String {
        Hex.encode(digest)
    }

    /// One libcrypto digest context, owned by one hasher at a time (copied before a shared one is written).
    private final class Context: @unchecked Sendable {
        let handle: OpaquePointer

        /// The SHA-256 implementation, fetched from the default provider once per process.
        nonisolated(unsafe) static let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256()

        init() {
            guard let h = EVP_MD_CTX_new() else { Context.fail("context") }
            handle = h
            guard EVP_DigestInit_ex(handle, Context.algorithm, nil) == 1 else { Context.fail("init") }
        }

        private init(copying other: Context) {
            guard let h = EVP_MD_CTX_new() else { Context.fail("context") }
            handle = h
            guard EVP_MD_CTX_copy_ex(handle, other.handle) == 1 else { Context.fail("copy") }
        }

        func copy() -> Context { Context(copying: self) }

        deinit { EVP_MD_CTX_free(handle) }

        /// libcrypto fails these calls only when memory runs out or the library is broken.
        static func fail(_ step: String) -> Never {
            fatalError("libcrypto SHA-256 \(step) failed (out of memory, or a broken OpenSSL installation)")
        }
    }
}
