import DossierCore
import DossierProtocol
import DossierServer
import DossierStore
import DossierTesting
import Foundation
import FuzzingSupport
import Logging
import NIOCore
import NIOEmbedded
import Synchronization

/// The line limit the framing runs with here: small, so that over-long lines are common.
let maximumLineLength = 300

/// The real router over a real store on a temporary directory (no fsync), made once per process.
/// Valid requests the fuzzer finds do write to it: that path is fuzzed too.
final class Harness: Sendable {
    let router: RequestRouter
    let directory: TemporaryDirectory

    init() {
        do {
            self.directory = try TemporaryDirectory(prefix: "fuzz-request")
            let store = try TestStore.open(at: self.directory.appending("data"))
            self.router = RequestRouter.dossier(store: store)
        } catch {
            fatalError("cannot open a store for fuzzing: \(error)")
        }
        let path = self.directory.path
        harnessDirectory.withLock { $0 = path }
        atexit { harnessDirectory.withLock { if let path = $0 { try? FileManager.default.removeItem(atPath: path) } } }
    }

    /// Admin may call every method, except that a fuzzed `admin.backup` must not write copies
    /// wherever its path points: it runs as an approver and is refused before its params are read.
    func context(for line: ByteBuffer) -> RequestContext {
        let method = try? DossierJSON.decoder().decode(RequestHeader.self, from: Data(line.readableBytesView)).method
        return RequestContext(
            peer: PeerCredentials(pid: 1, uid: 1000, gid: 1000), user: "fuzz", role: method == Method.backup.name ? .approver : .admin,
            logger: Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() }))
    }
}

let harnessDirectory = Mutex<String?>(nil)
let harness = Harness()

/// One input: framed by `LineFrameDecoder` in chunks the input itself chooses, compared with
/// a plain split at `\n`; then each line's header scan is compared with the decoder's, and the
/// line goes through `RequestRouter.prepare` (envelope, method,
/// params checked against the method's parameters, the handler) and its reply must be one line
/// holding a JSON object with a result or a specific error, never `dossier.Internal`.
func fuzzRequest(_ input: [UInt8]) {
    let frames = frame(input)
    let expected = expectedFrames(input)
    guard frames == expected else {
        fatalError("framing differs from a split at newlines: \(frames) != \(expected)")
    }
    for case .line(let line) in frames.prefix(8) {
        if line.readableBytesView.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }  // the server skips blank lines
        checkScanner(line)
        check(reply: answer(line), to: line)
    }
}

/// The router reads `method` and `id` with a fast scanner and falls back to Foundation's decoder
/// for anything unusual. Where both read a line, they must read the same method and id. (The
/// scanner may accept a line the decoder refuses, such as a number `1-2` inside params: the
/// params decode that follows refuses it then.)
func checkScanner(_ line: ByteBuffer) {
    let bytes = Array(line.readableBytesView)
    guard let scanned = RequestRouter.scannedHeader(bytes),
        let decoded = try? DossierJSON.decoder().decode(RequestHeader.self, from: Data(bytes))
    else { return }
    guard scanned.method == decoded.method, scanned.id == decoded.id else {
        fatalError(
            "the header scanner read method \(scanned.method) id \(String(describing: scanned.id)), the decoder "
                + "\(decoded.method) \(String(describing: decoded.id)), from \(String(decoding: bytes, as: UTF8.self))")
    }
}

/// The frames `LineFrameDecoder` makes of `input` written in chunks of 1 to 64 bytes, then
/// end of input (a half-close, as the server sees it).
func frame(_ input: [UInt8]) -> [InboundFrame] {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumLineLength)))
    var frames: [InboundFrame] = []
    do {
        var offset = 0
        var step = 0
        while offset < input.count {
            let size = 1 + Int(input[step % input.count]) % 64
            step += 1
            let end = min(input.count, offset + size)
            try channel.writeInbound(ByteBuffer(bytes: input[offset..<end]))
            offset = end
            while let frame = try channel.readInbound(as: InboundFrame.self) { frames.append(frame) }
        }
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        while let frame = try channel.readInbound(as: InboundFrame.self) { frames.append(frame) }
        _ = try channel.finish(acceptAlreadyClosed: true)
    } catch {
        fatalError("the line decoder threw: \(error)")
    }
    return frames
}

/// What the framing must produce: every line (without `\r\n` or `\n`) up to the maximum length,
/// an over-long marker with the length of each longer one, and a last line without `\n`.
func expectedFrames(_ input: [UInt8]) -> [InboundFrame] {
    var frames: [InboundFrame] = []
    let pieces = input.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (index, piece) in pieces.enumerated() {
        let isLast = index == pieces.count - 1
        if isLast && piece.isEmpty { break }
        if piece.count > maximumLineLength {
            frames.append(.oversized(length: piece.count))
        } else {
            frames.append(.line(ByteBuffer(bytes: piece.last == 0x0D ? piece.dropLast() : piece)))
        }
    }
    return frames
}

func answer(_ line: ByteBuffer) -> ByteBuffer {
    let routed = harness.router
    let context = harness.context(for: line)
    let result = Mutex<ByteBuffer?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let reply = await routed.reply(to: line, context: context)
        result.withLock { $0 = reply }
        done.signal()
    }
    done.wait()
    return result.withLock { $0! }
}

func check(reply: ByteBuffer, to line: ByteBuffer) {
    let bytes = Array(reply.readableBytesView)
    let request = String(decoding: line.readableBytesView, as: UTF8.self)
    guard bytes.last == 0x0A, !bytes.dropLast().contains(0x0A) else {
        fatalError("the reply is not exactly one line: \(String(decoding: bytes, as: UTF8.self)) for \(request)")
    }
    guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
        fatalError("the reply is not a JSON object: \(String(decoding: bytes, as: UTF8.self)) for \(request)")
    }
    guard (object["result"] != nil) != (object["error"] != nil) else {
        fatalError("the reply has neither or both of result and error: \(object) for \(request)")
    }
    if let error = object["error"] {
        guard let error = error as? [String: Any], let code = error["code"] as? String, code != "dossier.Internal" else {
            fatalError("no specific error code: \(String(decoding: bytes, as: UTF8.self)) for \(request)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzRequest(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if !FUZZING
@main
enum ReplayRequestCorpus {
    static func main() {
        CorpusReplay.run(arguments: Array(CommandLine.arguments.dropFirst()), fuzzRequest)
    }
}
#endif
