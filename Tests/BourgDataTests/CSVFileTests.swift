import Testing
@testable import BourgData

@Test func placeholder() { #expect(Bool(true)) }
