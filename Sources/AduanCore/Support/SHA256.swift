// SHA-256 (FIPS 180-4) in pure Swift, for the audit-event hash chain.

/// An incremental SHA-256 hasher (FIPS 180-4).
///
/// Feed bytes with `update` in any chunking, then read the 32-byte digest with `finalize()`,
/// which leaves the hasher unchanged so more data can still be added afterwards.
public struct SHA256: Sendable {
    private var h0: UInt32 = 0x6a09e667
    private var h1: UInt32 = 0xbb67ae85
    private var h2: UInt32 = 0x3c6ef372
    private var h3: UInt32 = 0xa54ff53a
    private var h4: UInt32 = 0x510e527f
    private var h5: UInt32 = 0x9b05688c
    private var h6: UInt32 = 0x1f83d9ab
    private var h7: UInt32 = 0x5be0cd19
    // Holds only the tail of a block that a previous update did not complete.
    // Inline storage (no heap allocation per hasher): 64 bytes, of which `pendingCount` are used.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var totalLength: UInt64 = 0

    /// Creates a hasher in the initial state.
    public init() {}

    /// Adds the bytes in `buffer`.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard !buffer.isEmpty else { return }
        totalLength &+= UInt64(buffer.count)
        var offset = 0
        if pendingCount > 0 {
            let take = min(64 - pendingCount, buffer.count)
            appendPending(UnsafeRawBufferPointer(rebasing: buffer[0..<take]))
            offset = take
            guard pendingCount == 64 else { return }
            var block = pending
            withUnsafeBytes(of: &block) { compress(blocks: $0) }
            pendingCount = 0
        }
        let wholeBlocks = (buffer.count - offset) / 64 * 64
        if wholeBlocks > 0 {
            compress(blocks: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + wholeBlocks)]))
            offset += wholeBlocks
        }
        if offset < buffer.count {
            appendPending(UnsafeRawBufferPointer(rebasing: buffer[offset...]))
        }
    }

    private mutating func appendPending(_ bytes: UnsafeRawBufferPointer) {
        let at = pendingCount
        withUnsafeMutableBytes(of: &pending) { dst in
            for (i, b) in bytes.enumerated() { dst[at + i] = b }
        }
        pendingCount += bytes.count
    }

    /// Adds the bytes of any sequence, using its contiguous storage directly when it has one.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        guard done == nil else { return }
        // Non-contiguous sequences are staged through a fixed chunk so blocks still go through the fast path.
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
        var copy = self
        let bitLength = totalLength &* 8
        // FIPS 180-4 5.1.1: the message must end on a block boundary with its bit length last.
        // At most 72 bytes of padding, built on the stack: this runs twice per event in verify.
        let used = (pendingCount + 1) % 64
        let zeros = used <= 56 ? 56 - used : 120 - used
        let count = 1 + zeros + 8
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 72) { pad in
            pad.initialize(repeating: 0)
            pad[0] = 0x80
            for i in 0..<8 { pad[count - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i)) }
            copy.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: pad[0..<count])))
        }
        precondition(copy.pendingCount == 0, "SHA-256 padding must end on a block boundary")
        return [UInt8](unsafeUninitializedCapacity: 32) { out, n in
            let words = (copy.h0, copy.h1, copy.h2, copy.h3, copy.h4, copy.h5, copy.h6, copy.h7)
            withUnsafeBytes(of: words) { raw in
                for i in 0..<8 {
                    let w = raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
                    out[i * 4] = UInt8(truncatingIfNeeded: w >> 24)
                    out[i * 4 + 1] = UInt8(truncatingIfNeeded: w >> 16)
                    out[i * 4 + 2] = UInt8(truncatingIfNeeded: w >> 8)
                    out[i * 4 + 3] = UInt8(truncatingIfNeeded: w)
                }
            }
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
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Compression

    /// Runs the compression function over `blocks`, whose count is a multiple of 64.
    private mutating func compress(blocks: UnsafeRawBufferPointer) {
        var a0 = h0, b0 = h1, c0 = h2, d0 = h3, e0 = h4, f0 = h5, g0 = h6, hh0 = h7
        // One stack-allocated schedule reused for every block, so hashing never allocates per block.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            SHA256.roundConstants.withUnsafeBufferPointer { k in
                var offset = 0
                while offset < blocks.count {
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: blocks.loadUnaligned(fromByteOffset: offset + t * 4, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t - 15], y = w[t - 2]
                        let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3)
                        let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var a = a0, b = b0, c = c0, d = d0, e = e0, f = f0, g = g0, h = hh0
                    for t in 0..<64 {
                        let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                        let choice = (e & f) ^ (~e & g)
                        let t1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
                        let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = s0 &+ majority
                        h = g; g = f; f = e; e = d &+ t1
                        d = c; c = b; b = a; a = t1 &+ t2
                    }
                    a0 &+= a; b0 &+= b; c0 &+= c; d0 &+= d
                    e0 &+= e; f0 &+= f; g0 &+= g; hh0 &+= h
                    offset += 64
                }
            }
        }
        h0 = a0; h1 = b0; h2 = c0; h3 = d0; h4 = e0; h5 = f0; h6 = g0; h7 = hh0
    }

    // First 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}

extension UInt32 {
    @inline(__always)
    fileprivate func rotatedRight(_ n: UInt32) -> UInt32 {
        (self >> n) | (self << (32 - n))
    }
}
