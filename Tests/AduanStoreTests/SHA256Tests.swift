import Testing
@testable import AduanStore

/// The first `count` bytes of "abcdefghijklmnopqrstuvwxyz" repeated, so padding boundaries can be probed.
private func alphabet(_ count: Int) -> String {
    String((0..<count).map { Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0 % 26))) })
}

@Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ("Jalan rusak é 😀", "0a2218ab9ce20c050458c8fd7f14cac8c122df5f9cddee711e64ec75db8fb8ed"),
])
func nistAndKnownVectors(input: String, expected: String) {
    #expect(SHA256.hex(input) == expected)
    #expect(SHA256.hexString(SHA256.hash(Array(input.utf8))) == expected)
}

// Expected digests computed with coreutils `sha256sum` on the same bytes.
@Test(arguments: [
    (55, "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005"),
    (56, "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51"),
    (63, "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c"),
    (64, "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e"),
    (65, "1b3cd1877ab2f2f19f7be001722554f336cb799df0329de0bb4c118dc6abc06d"),
    (1000, "915e53a44c18b19bb06ba5b3f5fcaf1dc4651e8404c63425cfc6174e74659d87"),
])
func paddingBoundaries(length: Int, expected: String) {
    let input = alphabet(length)
    #expect(input.utf8.count == length)
    #expect(SHA256.hex(input) == expected)
    // Byte-at-a-time feeding must agree with one-shot hashing.
    var hasher = SHA256()
    for byte in input.utf8 { hasher.update(CollectionOfOne(byte)) }
    #expect(SHA256.hexString(hasher.finalize()) == expected)
}

@Test func oneMillionAs() {
    let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(SHA256.hexString(SHA256.hash(bytes)) == expected)

    // Irregular chunk sizes cross block boundaries at every offset.
    var hasher = SHA256()
    var offset = 0
    var step = 1
    while offset < bytes.count {
        let end = min(bytes.count, offset + step)
        hasher.update(bytes[offset..<end])
        offset = end
        step = step * 7 % 191 + 1
    }
    #expect(SHA256.hexString(hasher.finalize()) == expected)

    // A sequence without contiguous storage takes the staged path.
    var lazyHasher = SHA256()
    lazyHasher.update(bytes.lazy.map { $0 })
    #expect(SHA256.hexString(lazyHasher.finalize()) == expected)
}

@Test func finalizeDoesNotConsumeTheHasher() {
    var hasher = SHA256()
    hasher.update("ab")
    let partial = hasher.finalize()
    #expect(hasher.finalize() == partial)
    #expect(SHA256.hexString(partial) == SHA256.hex("ab"))
    hasher.update("c")
    #expect(SHA256.hexString(hasher.finalize()) == SHA256.hex("abc"))
    #expect(partial.count == 32)
}

@Test func updateOverloadsAgree() {
    let text = alphabet(300)
    var a = SHA256()
    a.update(text)
    var b = SHA256()
    Array(text.utf8).withUnsafeBytes { b.update($0) }
    var c = SHA256()
    c.update(text.utf8)
    #expect(a.finalize() == b.finalize())
    #expect(a.finalize() == c.finalize())
    #expect(SHA256.hexString([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
}

/// An event hash as the hand-written Swift SHA-256 (before libcrypto) computed it: stores written
/// before the switch must keep verifying, so the chain's bytes may not change.
@Test func chainHashesAreTheSameAsTheHandWrittenImplementationGave() {
    let content = Chain.contentDigest(version: 3, at: 1_795_400_000, kind: "follow-up", actor: "tl-dinkes",
                                      body: Array("{\"text\":\"Jalan rusak é 😀 sudah ditambal\"}".utf8))
    let hash = Chain.link(previous: Chain.genesis, seq: 7, complaint: 2, content: content)
    #expect(SHA256.hexString(hash) == "133eb79629a10440a5e56c0e7297a4c7eadc354e558575c1574029112dc0981a")
}
