import Testing
@testable import BourgCore

@Test func placeholder() { #expect(Bool(true)) }
