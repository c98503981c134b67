import Testing
import TOML

@Suite("Integers and floats")
struct NumberTests {
    @Test("integers in every radix", arguments: [
        ("+99", 99), ("-17", -17), ("0", 0), ("-0", 0), ("1_000", 1000), ("5_349_221", 5_349_221),
        ("0xDEADbeef", 0xDEAD_BEEF), ("0xdead_beef", 0xDEAD_BEEF), ("0o755", 0o755), ("0b1101_0110", 0b1101_0110),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min), ("0x7FFFFFFFFFFFFFFF", Int64.max),
    ] as [(String, Int64)])
    func integers(text: String, expected: Int64) throws {
        #expect(try value(of: text) == .integer(expected))
    }

    @Test("malformed integers", arguments: [
        "01", "+01", "00", "0_1", "1__2", "_1", "1_", "+0x1", "-0o7", "0X1", "0xG", "0b2", "0o8", "0x", "0x_1",
        "9223372036854775808", "-9223372036854775809", "0x8000000000000000", "1 2",
    ])
    func malformedIntegers(text: String) {
        #expect(parseError("a = \(text)\n") != nil)
    }

    @Test("overflow names the number")
    func overflowMessage() throws {
        let error = try #require(parseError("a = 9223372036854775808\n"))
        #expect(error.message == "integer 9223372036854775808 does not fit in 64 bits")
        #expect(error.position == TOMLPosition(line: 1, column: 5))
    }

    @Test("floats", arguments: [
        ("+1.0", 1.0), ("3.1415", 3.1415), ("-0.01", -0.01), ("5e+22", 5e22), ("1e06", 1e6), ("-2E-2", -0.02),
        ("6.626e-34", 6.626e-34), ("224_617.445_991_228", 224_617.445_991_228), ("0e0", 0), ("1e1_0", 1e10),
    ])
    func floats(text: String, expected: Double) throws {
        #expect(try value(of: text) == .float(expected))
    }

    @Test("infinities and NaN, signed or not")
    func specialFloats() throws {
        #expect(try value(of: "inf") == .float(.infinity))
        #expect(try value(of: "+inf") == .float(.infinity))
        #expect(try value(of: "-inf") == .float(-.infinity))
        for text in ["nan", "+nan", "-nan"] {
            guard case .float(let number)? = try value(of: text) else {
                Issue.record("\(text) is not a float")
                continue
            }
            #expect(number.isNaN)
        }
    }

    @Test("negative zero keeps its sign")
    func negativeZero() throws {
        guard case .float(let number)? = try value(of: "-0.0") else {
            Issue.record("-0.0 is not a float")
            return
        }
        #expect(number == 0 && number.sign == .minus)
    }

    @Test("malformed floats", arguments: [
        ".7", "7.", "3.e+20", "1e", "1e_5", "1_.5", "1._5", "01.5", "-01.5", "1.5_", "1__0.0", "Inf", "NaN",
        "infinity", "nan1", "1.2.3", "+", "-", "1e+",
    ])
    func malformedFloats(text: String) {
        #expect(parseError("a = \(text)\n") != nil)
    }

    @Test("booleans are lowercase words only")
    func booleans() throws {
        #expect(try value(of: "true") == .boolean(true))
        #expect(try value(of: "false") == .boolean(false))
        for text in ["True", "FALSE", "tru", "truex", "t"] {
            #expect(parseError("a = \(text)\n") != nil)
        }
    }
}
