import DossierCore
import DossierProtocol
import Foundation
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    func decode(_ json: String) throws -> JSONValue {
        try DossierJSON.decode(JSONValue.self, from: Array(json.utf8))
    }

    func encode(_ value: JSONValue) throws -> String {
        String(decoding: try DossierJSON.encode(value), as: UTF8.self)
    }

    @Test func decodesNestedValues() throws {
        let value = try decode(
            #"{"a":[1,2.5,null,true,false,"é🙂"],"b":{"c":-3,"d":{}},"e":[],"f":"\u00e9\n\"q\""}"#)
        #expect(
            value
                == .object([
                    "a": .array([.number(1), .number(2.5), .null, .bool(true), .bool(false), .string("é🙂")]),
                    "b": .object(["c": .number(-3), "d": .object([:])]),
                    "e": .array([]),
                    "f": .string("é\n\"q\""),
                ]))
    }

    @Test(arguments: [
        #"null"#, #"true"#, #"false"#, #"0"#, #"-1"#, #"42"#, #"2.5"#, #"-0.125"#, #"1e-7"#, #"1.7976931348623157e308"#,
        #""""#, #""客户投诉 😀 \u0000 \\ \" / \t""#, #"[]"#, #"{}"#, #"[[[[1]]]]"#,
        #"{"nested":{"deeper":[{"x":null},{"y":[true,"z",3.25]}]},"number":123456789012}"#,
    ])
    func roundTrips(json: String) throws {
        let value = try decode(json)
        #expect(try decode(encode(value)) == value)
    }

    @Test(arguments: [
        (JSONValue.number(3), "3"),
        (.number(-17), "-17"),
        (.number(0), "0"),
        (.number(123_456_789_012), "123456789012"),
        (.number(9_007_199_254_740_991), "9007199254740991"),
    ])
    func wholeNumbersEncodeWithoutAFraction(value: JSONValue, json: String) throws {
        #expect(try encode(value) == json)
    }

    @Test(arguments: [2.5, -0.125, 1e-7, 0.1, 1e300, -1e300, 9.007_199_254_740_992e15, 1.5e16])
    func fractionalAndHugeNumbersRoundTrip(number: Double) throws {
        let text = try encode(.number(number))
        #expect(try decode(text) == .number(number), "\(text)")
        // JSONSerialization reads back the same number.
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [NSNumber]
        #expect(parsed?.first?.doubleValue == number)
    }

    @Test func booleansAreNotNumbers() throws {
        #expect(try decode("[true,1,0,false]") == .array([.bool(true), .number(1), .number(0), .bool(false)]))
        #expect(try encode(.bool(true)) == "true")
        #expect(try encode(.array([.number(1), .bool(false)])) == "[1,false]")
    }

    @Test func nullInsideContainersSurvives() throws {
        let value = JSONValue.object(["a": .null, "b": .array([.null])])
        #expect(try encode(value) == #"{"a":null,"b":[null]}"#)
        #expect(try decode(encode(value)) == value)
    }

    @Test func unicodeStringsSurvive() throws {
        let text = "张三 \u{1F600} e\u{301} \u{0} \u{7F} \u{2028}"
        #expect(try decode(encode(.string(text))) == .string(text))
    }

    @Test(arguments: ["", "{", "[1,,2]", "nul", "{\"a\" 1}", "'x'"])
    func malformedJSONFails(json: String) {
        #expect(throws: (any Error).self) { try decode(json) }
    }

    @Test func accessors() {
        let value = JSONValue.object(["name": .string("x"), "n": .number(1)])
        #expect(value["name"] == .string("x"))
        #expect(value["missing"] == nil)
        #expect(value["name"]?.stringValue == "x")
        #expect(value["n"]?.stringValue == nil)
        #expect(JSONValue.array([.string("x")])["name"] == nil)
    }

    @Test(arguments: [
        (JSONValue.null, "null"),
        (.bool(false), "false"),
        (.number(3), "3"),
        (.number(2.5), "2.5"),
        (.string("plain"), "plain"),
        (.array([.number(1), .string("a")]), "[1, a]"),
        (.object(["b": .number(2), "a": .null]), "{a: null, b: 2}"),
    ])
    func descriptionIsReadable(value: JSONValue, text: String) {
        #expect(value.description == text)
    }
}
