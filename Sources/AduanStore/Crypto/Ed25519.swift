import CCrypto

/// Ed25519 signatures from OpenSSL's libcrypto (EVP_PKEY_ED25519, EVP_DigestSign/Verify), for
/// anchor lines: one key per office, its 32-byte private seed kept in a 0600 file.
public struct Ed25519Key: Sendable {
    /// The 32-byte private seed (RFC 8032).
    public let seed: [UInt8]
    /// The 32-byte public key.
    public let publicKey: [UInt8]

    /// A fresh key from libcrypto's random generator; nil when libcrypto cannot make one.
    public static func generate() -> Ed25519Key? {
        guard let ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else { return nil }
        defer { EVP_PKEY_CTX_free(ctx) }
        var pkey: OpaquePointer?
        guard EVP_PKEY_keygen_init(ctx) == 1, EVP_PKEY_keygen(ctx, &pkey) == 1, let pkey else { return nil }
        defer { EVP_PKEY_free(pkey) }
        var seed = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_private_key(pkey, &seed, &length) == 1, length == 32 else { return nil }
        return Ed25519Key(seed: seed)
    }

    /// The key with this private seed; nil unless it is 32 bytes libcrypto accepts.
    public init?(seed: [UInt8]) {
        guard seed.count == 32, let pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, 32) else { return nil }
        defer { EVP_PKEY_free(pkey) }
        var pub = [UInt8](repeating: 0, count: 32)
        var length = 32
        guard EVP_PKEY_get_raw_public_key(pkey, &pub, &length) == 1, length == 32 else { return nil }
        self.seed = seed
        publicKey = pub
    }

    /// The 64-byte signature of `message`; nil only when libcrypto fails.
    public func sign(_ message: [UInt8]) -> [UInt8]? {
        guard let pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, 32) else { return nil }
        defer { EVP_PKEY_free(pkey) }
        guard let md = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(md) }
        // Ed25519 hashes internally: no digest is named (RFC 8032 "pure" Ed25519).
        guard EVP_DigestSignInit(md, nil, nil, nil, pkey) == 1 else { return nil }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        let ok = message.withUnsafeBufferPointer { EVP_DigestSign(md, &signature, &length, $0.baseAddress, $0.count) }
        return ok == 1 && length == 64 ? signature : nil
    }

    /// Whether `signature` is `publicKey`'s signature of `message`.
    public static func isValid(signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == 64, publicKey.count == 32,
              let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, 32) else { return false }
        defer { EVP_PKEY_free(pkey) }
        guard let md = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(md) }
        guard EVP_DigestVerifyInit(md, nil, nil, nil, pkey) == 1 else { return false }
        let ok = message.withUnsafeBufferPointer { EVP_DigestVerify(md, signature, 64, $0.baseAddress, $0.count) }
        ERR_clear_error()
        return ok == 1
    }
}
