import DossierTesting
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Debian's headless Chromium, installed here when it is missing and apt-get can (CI installs
/// it in `scripts/lib/deps.sh`); the report tests are skipped, saying why, when it cannot be.
enum Chromium {
    static let binary = "/usr/bin/chromium-headless-shell"

    /// nil when Chromium is there (installed now if need be); else why not.
    static let unavailableReason: String? = {
        if FileManager.default.isExecutableFile(atPath: Self.binary) { return nil }
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get") else {
            return "\(Self.binary) is missing and installing it needs root and apt-get"
        }
        let install = try? ProcessRunner.run(
            "/usr/bin/apt-get", ["install", "-y", "-qq", "chromium-headless-shell"],
            environment: ["DEBIAN_FRONTEND": "noninteractive"], timeoutSeconds: 900)
        if FileManager.default.isExecutableFile(atPath: Self.binary) { return nil }
        let reason = "apt-get install chromium-headless-shell failed: \(install?.stderr.suffix(300) ?? "did not run")"
        print("skipping the report rendering tests: \(reason)")
        return reason
    }()

    /// Runs headless Chromium (as root it needs --no-sandbox) on `arguments`.
    static func run(_ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run(
            Self.binary, ["--no-sandbox", "--disable-gpu", "--headless"] + arguments, timeoutSeconds: 120)
    }
}

@Suite("The monthly complaint report, rendered by headless Chromium")
struct ComplaintReportTests {
    @Test(.enabled(if: Chromium.unavailableReason == nil, Comment(rawValue: Chromium.unavailableReason ?? "")))
    func theMonthlyReportShowsItsFiguresAndPrintsToPDF() async throws {
        try await ComplaintDaemon.with(clock: "2026-11-20T02:00:00Z") { d in
            try d.register("c1", "c2")
            _ = try d.file("c1", subject: "fees", type: "fees", extra: ["--received-at", "2026-11-02T10:00:00+08:00"])
            _ = try d.file("c1", subject: "rates", type: "fees", extra: ["--received-at", "2026-11-03T10:00:00+08:00"])
            let answered = try d.file("c2", subject: "queue", level: "L2", channel: "counter")
            try d.ok(["complaint", "acknowledge", answered])

            let html = d.daemon.dataDirectory + "-report.html"
            let written = try d.daemon.cli(["complaint", "report", "--month", "2026-11", "--html", html])
            #expect(
                written.status == 0 && written.stdout.contains("3 complaints received in 2026-11"), "\(written.stderr)")
            let source = try String(contentsOfFile: html, encoding: .utf8)
            // One self-contained file: no scripts, no external style sheets, fonts or images.
            #expect(!source.contains("<script") && !source.contains("<link") && !source.contains("src="))
            #expect(source.contains("<svg") && source.contains("@page"))

            // What Chromium shows: its DOM after parsing and layout, text and SVG labels.
            let dom = try Chromium.run(["--dump-dom", "file://\(html)"])
            #expect(dom.status == 0, "\(dom.stderr)")
            let shown = dom.stdout
            #expect(shown.contains("<h1>Complaint report 2026-11</h1>"))
            #expect(shown.contains("Complaints received 2026-11-01 to 2026-11-30. Report due by 2026-12-10."))
            #expect(shown.contains(#"<div class="value">3</div><div class="label">Complaints</div>"#))
            #expect(shown.contains(#"<div class="value">33.3%</div><div class="label">Response on time</div>"#))
            #expect(shown.contains(#"<div class="value">1</div><div class="label">Repeat complainers</div>"#))
            // The bar chart by type, in the order of the types: service 1 (half as long), fees 2 (the longest bar).
            #expect(
                shown.contains(
                    ##">service</text><rect x="150" y="7" width="180" height="14" fill="#3b6ea5"></rect><text x="336" y="19">1</text>"##
                ), "\(shown)")
            #expect(
                shown.contains(
                    ##">fees</text><rect x="150" y="29" width="360" height="14" fill="#3b6ea5"></rect><text x="516" y="41">2</text>"##
                ))
            #expect(shown.contains("<td>c1</td><td>2</td>"))

            // It prints: a PDF of a page or two.
            let pdf = d.daemon.dataDirectory + "-report.pdf"
            let printed = try Chromium.run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(html)"])
            #expect(printed.status == 0, "\(printed.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
            #expect(bytes.starts(with: Data("%PDF".utf8)))
            let pages =
                String(decoding: bytes, as: UTF8.self).components(separatedBy: "/Type /Page\n").count - 1
                + String(decoding: bytes, as: UTF8.self).components(separatedBy: "/Type /Page>").count - 1
            #expect((1...3).contains(pages), "\(pages) pages")
        }
    }
}
