import DossierClient
import DossierProtocol
import DossierTesting
import Foundation
import Testing

@Suite("Raw socket input never hurts the daemon")
struct ProtocolRobustnessTests {
    static func json(_ line: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }

    static func code(_ line: [UInt8]) throws -> String? {
        ((try Self.json(line))["error"] as? [String: Any])?["code"] as? String
    }

    @Test func garbageUnknownMethodsAndHugeLinesGetErrorsAndTheConnectionLives() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()

            try connection.send(line: Array("this is not json".utf8))
            #expect(try Self.code(connection.receiveLine()) == "dossier.BadRequest")

            try connection.send(line: Array(#"{"id":2,"method":"customer.explode"}"#.utf8))
            #expect(try Self.code(connection.receiveLine()) == "dossier.UnknownMethod")

            try connection.send(line: [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20))
            #expect(try Self.code(connection.receiveLine()) == "dossier.LineTooLong")

            try connection.send(line: [0xff, 0xfe, 0x00, 0x7b])
            #expect(try Self.code(connection.receiveLine()) == "dossier.BadRequest")

            // The same connection still works, and so does a new one.
            let hello = try connection.call(Method.hello, NoParams(), as: HelloResult.self)
            #expect(hello.server == "dossierd")
            let fresh = try daemon.connect()
            #expect(try fresh.call(Method.head, NoParams(), as: HeadResult.self).sequence == 0)
            #expect(daemon.isRunning)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()
            try connection.send(
                line: Array(#"{"id":0,"method":"customer.register","params":{"id":"c1","name":"A","kind":"individual"}}"#.utf8))
            _ = try connection.receiveLine()

            let count = 300
            for id in 1...count {
                let line =
                    id % 2 == 0
                    ? #"{"id":\#(id),"method":"complaint.file","params":{"customer":"c1","type":"fees","channel":"app","level":"L4","subject":"s\#(id)"}}"#
                    : #"{"id":\#(id),"method":"system.hello"}"#
                try connection.send(line: Array(line.utf8))
            }
            var ids: [Int] = []
            for _ in 1...count {
                let reply = try Self.json(connection.receiveLine())
                #expect(reply["error"] == nil)
                ids.append(try #require(reply["id"] as? Int))
            }
            #expect(ids == Array(1...count))
        }
    }

    @Test func pipelinedRequestsSeeEarlierWritesAndKeepTheirOrder() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()
            var lines = [
                #"{"id":1,"method":"customer.register","params":{"id":"p1","name":"A","kind":"individual"}}"#,
                #"{"id":2,"method":"customer.show","params":{"id":"p1"}}"#,
            ]
            for id in 3...42 {
                lines.append(
                    #"{"id":\#(id),"method":"complaint.file","params":{"customer":"p1","type":"fees","channel":"app","level":"L4","subject":"n\#(id)"}}"#
                )
            }
            lines.append(#"{"id":43,"method":"complaint.list","params":{"customer":"p1"}}"#)
            for line in lines { try connection.send(line: Array(line.utf8)) }
            var replies: [[String: Any]] = []
            for _ in lines { replies.append(try Self.json(connection.receiveLine())) }

            #expect(replies[1]["error"] == nil, "a read must see the registration sent before it")
            // Writes of one connection are appended in request order: numbers follow the requests.
            let subjects = replies[2...41].compactMap {
                (($0["result"] as? [String: Any])?["complaint"] as? [String: Any])?["subject"] as? String
            }
            let numbers = replies[2...41].compactMap {
                (($0["result"] as? [String: Any])?["complaint"] as? [String: Any])?["number"] as? String
            }
            #expect(subjects == (3...42).map { "n\($0)" })
            #expect(numbers == numbers.sorted())
            let listed = ((replies[42]["result"] as? [String: Any])?["complaints"] as? [Any])?.count
            #expect(listed == 40)
        }
    }

    @Test func aClientThatShutsDownItsWritingSideStillGetsEveryReply() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            let connection = try daemon.connect()
            try connection.send(line: Array(#"{"id":1,"method":"system.hello"}"#.utf8))
            try connection.send(
                line: Array(#"{"id":2,"method":"customer.register","params":{"id":"h1","name":"H","kind":"corporate"}}"#.utf8))
            try connection.write(raw: Array(#"{"id":3,"method":"log.head"}"#.utf8))  // last line without \n
            connection.finishWriting()
            let ids = try (1...3).map { _ in try Self.json(connection.receiveLine())["id"] as? Int }
            #expect(ids == [1, 2, 3])
            #expect(try daemon.cli(["customer", "show", "h1"]).status == 0)
        }
    }

    @Test func aClientThatHangsUpMidLineOrMidReplyChangesNothing() async throws {
        try await withTemporaryDirectory { directory in
            let daemon = DaemonProcess(directory: directory)
            try daemon.start()
            defer { daemon.stop() }
            for _ in 0..<20 {
                let connection = try daemon.connect()
                try connection.send(line: Array(#"{"id":1,"method":"log.read"}"#.utf8))
                // Half a registration, then the connection closes without reading the reply.
                try connection.write(raw: Array(#"{"id":2,"method":"customer.register","params":{"id":"x","name""#.utf8))
            }
            let connection = try daemon.connect()
            #expect(try connection.call(Method.head, NoParams(), as: HeadResult.self).sequence == 0)
            #expect(daemon.isRunning)
        }
    }
}
