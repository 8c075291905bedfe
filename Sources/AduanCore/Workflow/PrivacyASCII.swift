/// A fast exit for `Privacy.replacing` (kept apart so Privacy.swift stays under 400 lines).
extension Privacy {
    /// True when `needle` and `hay` are both ASCII and `hay`'s bytes do not contain `needle`'s
    /// (false otherwise, also when either is not ASCII: then only characters can tell).
    static func asciiBytes(of needle: String, absentFrom hay: String) -> Bool {
        var needle = needle, hay = hay
        return needle.withUTF8 { n in
            hay.withUTF8 { h in
                guard !n.isEmpty, n.allSatisfy({ $0 < 0x80 }), h.allSatisfy({ $0 < 0x80 }) else { return false }
                guard n.count <= h.count else { return true }
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return false }
                    }
                    i += 1
                }
                return true
            }
        }
    }
}
