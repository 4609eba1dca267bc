import Foundation
import Testing

@testable import PharmineIngest

@Suite("XMLStreamReader")
struct XMLStreamReaderTests {
    /// Loads a string into a fresh in-memory reader.
    private func reader(_ xml: String, lineOffset: Int = 0) throws -> XMLStreamReader {
        let reader = try XMLStreamReader(file: "memory.xml")
        var bytes = Array(xml.utf8)
        try bytes.withUnsafeMutableBytes { try reader.load(UnsafeRawBufferPointer($0), lineOffset: lineOffset) }
        bytes.removeAll()
        return reader
    }

    /// Reads up to the next start tag named `name`.
    private func advance(_ reader: XMLStreamReader, to name: StaticString) throws {
        while try reader.read() {
            if reader.isElement(name) { return }
        }
    }

    /// Reads to the first element named `name` and flattens it.
    private func flatten(_ xml: String, _ name: StaticString = "t", collapsing: Bool = true) throws -> String {
        let reader = try reader(xml)
        try advance(reader, to: name)
        let text = try reader.readFlattenedText(collapsingWhiteSpace: collapsing)
        #expect(reader.kind == .endElement || reader.isEmptyElement)
        return text
    }

    @Test("inline markup joins, block children are separated by one space")
    func flattening() throws {
        #expect(try flatten("<t><i>a</i>b</t>") == "ab")
        #expect(try flatten("<t><p>a</p><p>b</p></t>") == "a b")
        #expect(try flatten("<t>x<sup>2</sup> + H<sub>2</sub>O</t>") == "x2 + H2O")
        #expect(try flatten("<t>\n  one\n  <b>two</b>\n  three  </t>") == "one two three")
        #expect(try flatten("<t>a &amp; b &#x3B1; <![CDATA[<c>]]></t>") == "a & b α <c>")
        #expect(try flatten("<r><t/></r>") == "")
        #expect(try flatten("<t>k<!-- note -->m<?pi x?>n</t>") == "kmn")
        let math = """
            <t>dose <mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:mi>x</mml:mi>\
            <mml:mn>2</mml:mn></mml:math> mg</t>
            """
        #expect(try flatten(math) == "dose x2 mg")
        // Pretty-printed MathML: the white space between its elements is layout, not text.
        let pretty = """
            <t>uptake ( <mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML">
              <mml:msub>
                <mml:mi>V</mml:mi>
                <mml:mn>2</mml:mn>
              </mml:msub>
            </mml:math> ) rose</t>
            """
        #expect(try flatten(pretty) == "uptake ( V2 ) rose")
    }

    @Test("without collapsing, text is kept byte for byte")
    func preservedWhiteSpace() throws {
        #expect(try flatten("<t> a  <i>b</i>\nc </t>", collapsing: false) == " a  b\nc ")
        #expect(try flatten("<t><p>a</p><p>b</p></t>", collapsing: false) == "a b")
        #expect(try flatten("<t><p>a </p><p>b</p></t>", collapsing: false) == "a b")
    }

    @Test("after flattening or skipping, read() continues after the element")
    func composesWithReadLoop() throws {
        let reader = try reader("<r><a><x>1</x><y>2</y></a><b>3</b><c><d/></c><e>4</e></r>")
        var seen: [String] = []
        while try reader.read() {
            guard reader.kind == .element else { continue }
            if reader.isLocalName("a") {
                try reader.skipSubtree()
                #expect(reader.isEndElement("a"))
            } else if reader.isLocalName("b") || reader.isLocalName("e") {
                seen.append(try reader.readFlattenedText())
            } else if reader.isLocalName("c") {
                seen.append("c@\(reader.depth)")
            } else if reader.isLocalName("d") {
                #expect(reader.isEmptyElement)
                seen.append("d@\(reader.depth)")
            }
        }
        #expect(seen == ["3", "c@1", "d@2", "4"])
    }

    @Test("attributes, names and line numbers")
    func attributesAndLines() throws {
        let reader = try reader("<r>\n<a Label=\"METHODS\" k='x &amp; y'>t</a>\n</r>", lineOffset: 100)
        try advance(reader, to: "a")
        #expect(reader.attribute("Label") == "METHODS")
        #expect(reader.attribute("k") == "x & y")
        #expect(reader.attribute("missing") == nil)
        #expect(reader.localName == "a")
        #expect(reader.lineNumber == 102)
    }

    @Test("a fatal error is malformed_xml with the file line")
    func malformed() throws {
        let reader = try reader("<r>\n<a>\n<b>text</a>\n</r>", lineOffset: 10)
        let error = #expect(throws: IngestError.self) {
            while try reader.read() {}
        }
        #expect(error?.code == .malformedXML)
        #expect(error?.file == "memory.xml")
        #expect(error?.line == 13)
    }

    @Test("omitted byte ranges are not parsed, and line numbers stay right")
    func omitting() throws {
        func load(_ xml: String) throws -> XMLStreamReader {
            let bytes = Array(xml.utf8)
            let start = try #require(xml.range(of: "<skip>")).lowerBound.utf16Offset(in: xml)
            let end = try #require(xml.range(of: "</skip>")).upperBound.utf16Offset(in: xml)
            let reader = try XMLStreamReader(file: "memory.xml")
            try bytes.withUnsafeBytes {
                try reader.load($0, omitting: [XMLByteCut(range: start..<end, lineBreaks: 2)], lineOffset: 0)
            }
            return reader
        }
        // The unclosed <broken> inside the cut is never seen.
        let reader = try load("<r>\n<skip>\n<broken>\n</skip>\n<a>kept</a>\n<b/>\n</r>")
        var names: [String] = []
        while try reader.read() {
            if reader.kind == .element { names.append(reader.localName) }
            if reader.isElement("a") { #expect(reader.lineNumber == 5) }
        }
        #expect(names == ["r", "a", "b"])

        // An error after the cut names the line of the unabridged text.
        let broken = try load("<r>\n<skip>\n<broken>\n</skip>\n<a>kept</a>\n<b>\n</r>")
        let error = #expect(throws: IngestError.self) {
            while try broken.read() {}
        }
        #expect(error?.line == 7)
    }

    @Test("a reader can be reloaded after an error")
    func reload() throws {
        let reader = try XMLStreamReader(file: "memory.xml")
        for (xml, ok) in [("<a><b></a>", false), ("<a>fine</a>", true)] {
            var bytes = Array(xml.utf8)
            try bytes.withUnsafeMutableBytes { try reader.load(UnsafeRawBufferPointer($0), lineOffset: 0) }
            var text = ""
            do {
                try advance(reader, to: "a")
                text = try reader.readFlattenedText()
                while try reader.read() {}
                #expect(ok)
            } catch {
                #expect(!ok)
            }
            if ok { #expect(text == "fine") }
        }
    }

    @Test("an entity-expansion bomb is refused quickly")
    func billionLaughs() throws {
        let start = ContinuousClock.now
        let source = try ByteSource(path: TestSupport.fixture("billion-laughs.xml"))
        let reader = try XMLStreamReader(source: source)
        let error = #expect(throws: IngestError.self) {
            while try reader.read() {
                if reader.isElement("text") { _ = try reader.readFlattenedText() }
            }
        }
        #expect(error?.code == .refused)
        #expect((error?.line ?? 0) >= 19)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("an external entity is never loaded")
    func externalEntity() throws {
        let path = TestSupport.fixture("external-entity.xml")
        // Walk every node: the reference stays a reference node, and no text holds the file's content.
        let walker = try XMLStreamReader(source: try ByteSource(path: path))
        var references: [String] = []
        var texts: [String] = []
        while try walker.read() {
            if walker.kind == .entityReference { references.append(walker.localName) }
            if walker.kind == .text, let value = walker.value { texts.append(value) }
        }
        #expect(references == ["secret"])
        #expect(!texts.contains { $0.contains("root:") })

        let reader = try XMLStreamReader(source: try ByteSource(path: path))
        try advance(reader, to: "text")
        #expect(try reader.readFlattenedText() == "Before after.")
    }

    @Test("a truncated gzip stream is corrupt_gzip naming the file")
    func truncatedGzip() throws {
        let path = TestSupport.fixture("truncated.xml.gz")
        let source = try ByteSource(path: path)
        let reader = try XMLStreamReader(source: source)
        let error = #expect(throws: IngestError.self) {
            while try reader.read() {}
        }
        #expect(error?.code == .corruptGzip)
        #expect(error?.file == path)
    }
}
