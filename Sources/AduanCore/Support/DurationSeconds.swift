extension Duration {
    /// The duration in seconds, as a Double (for rates and latencies measured with `ContinuousClock`).
    public var secondsValue: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
