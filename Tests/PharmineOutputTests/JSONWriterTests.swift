import Foundation
import PharmineOutput
import Testing

@Suite struct JSONWriterTests {
    static let awkwardStrings: [String] = [
        "",
        "plain",
        "quote \" and backslash \\ and slash /",
        "line\nfeed\rreturn\ttab\u{08}back\u{0C}feed",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }),
        "delete \u{7F}",
        "β-blocker, 5 µg, naïve, 中文, 🧪, \u{2028}\u{2029}",
        "combining e\u{301} and zero width \u{200B}",
    ]

    @Test(arguments: awkwardStrings)
    func stringsRoundTrip(_ value: String) throws {
        var json = JSONWriter()
        json.beginArray()
        json.string(value)
        json.endArray()
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String])
        #expect(parsed == [value])
        #expect(parsed.first?.unicodeScalars.elementsEqual(value.unicodeScalars) == true)
    }

    @Test func controlCharactersUseShortOrUnicodeEscapes() {
        var json = JSONWriter()
        json.string("a\u{01}b\nc\u{1F}\"\\é")
        #expect(String(decoding: json.bytes, as: UTF8.self) == #""a\u0001b\nc\u001f\"\\é""#)
    }

    @Test func invalidUTF8IsReplaced() throws {
        var json = JSONWriter()
        json.beginArray()
        json.string(utf8: [0x61, 0xFF, 0x62, 0xC3])
        json.endArray()
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String])
        #expect(parsed == ["a\u{FFFD}b\u{FFFD}"])
    }

    @Test(arguments: [
        (0.9, "0.9"), (1.0, "1.0"), (0.0, "0.0"), (-0.0, "0.0"), (0.12345, "0.123"), (0.0005, "0.001"),
        (0.0004, "0.0"), (1e-7, "0.0"), (-0.5, "-0.5"), (123456.7891, "123456.789"), (0.1 + 0.2, "0.3"),
        (2.675, "2.675"), (1e20, "100000000000000000000"), (-1.5e15, "-1500000000000000"),
        (1.0e300, "1" + String(repeating: "0", count: 300)),
    ])
    func doublesArePrintedStably(_ value: Double, _ expected: String) {
        var json = JSONWriter()
        json.double(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }

    @Test func nonFiniteDoublesAreNull() {
        var json = JSONWriter()
        json.beginArray()
        json.double(.nan)
        json.double(.infinity)
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[null,null]")
    }

    @Test func integersAndOptionals() throws {
        var json = JSONWriter()
        json.beginObject()
        json.key("min")
        json.int(Int.min)
        json.key("max")
        json.int(Int.max)
        json.key("zero")
        json.int(0)
        json.key("negative")
        json.int(-42)
        json.key("absent")
        json.int(nil as Int?)
        json.key("flag")
        json.bool(nil as Bool?)
        json.key("name")
        json.string(nil as String?)
        json.key(string: "weird \"key\"")
        json.bool(true)
        json.endObject()
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(
            text
                == #"{"min":-9223372036854775808,"max":9223372036854775807,"zero":0,"negative":-42,"absent":null,"flag":null,"name":null,"weird \"key\"":true}"#
        )
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(parsed["negative"] as? Int == -42)
        #expect(parsed["absent"] is NSNull)
    }

    @Test func nestedContainersAndLines() throws {
        var json = JSONWriter()
        for index in 0..<3 {
            json.beginObject()
            json.key("index")
            json.int(index)
            json.key("list")
            json.beginArray()
            json.beginObject()
            json.endObject()
            json.beginArray()
            json.endArray()
            json.int(index)
            json.endArray()
            json.endObject()
            json.newline()
        }
        let lines = String(decoding: json.bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == #"{"index":1,"list":[{},[],1]}"#)
        for line in lines {
            _ = try JSONSerialization.jsonObject(with: Data(line.utf8))
        }
    }

    @Test func prettyOutputParsesAndIndents() throws {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.key("a")
        json.int(1)
        json.key("empty")
        json.beginArray()
        json.endArray()
        json.key("list")
        json.beginArray()
        json.string("x")
        json.beginObject()
        json.key("b")
        json.null()
        json.endObject()
        json.endArray()
        json.endObject()
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(
            text
                == "{\n  \"a\": 1,\n  \"empty\": [],\n  \"list\": [\n    \"x\",\n    {\n      \"b\": null\n    }\n  ]\n}"
        )
        _ = try JSONSerialization.jsonObject(with: Data(json.bytes))
    }
}
