import Testing
@Test func webPlaceholder() {}
