import DossierFoundation
import Testing

@Suite("Log rate limiter")
struct LogRateLimiterTests {
    @Test func theLogRateLimiterLetsABurstThroughAndCountsTheRest() async throws {
        let limiter = LogRateLimiter(burst: 3, interval: .milliseconds(200))
        var logged: [Int] = []
        for _ in 0..<10 { limiter { logged.append($0) } }
        #expect(logged == [0, 0, 0])
        try await Task.sleep(for: .milliseconds(250))
        limiter { logged.append($0) }
        #expect(logged == [0, 0, 0, 7], "the first line of the next window says how many were left out")
    }
}
