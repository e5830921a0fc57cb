import Testing

@testable import BackchannelExtract

@Suite("Captions and credits")
struct ImageCaptionTests {
    @Test(arguments: [
        ("Delegations meet. (Image Credit: Jane Roe/Agency)", "Delegations meet.", "Jane Roe/Agency"),
        ("Delegations meet. Photo: Jane Roe", "Delegations meet.", "Jane Roe"),
        ("Delegations meet. Photograph: Jane Roe/Agency", "Delegations meet.", "Jane Roe/Agency"),
        ("Delegations meet. (Picture: Courier archive)", "Delegations meet.", "Courier archive"),
        ("Delegations meet. Credit: Agency", "Delegations meet.", "Agency"),
        ("Delegations meet. © Agency 2025", "Delegations meet.", "Agency 2025"),
        ("Delegations meet in a photo-op.", "Delegations meet in a photo-op.", nil),
    ])
    func captionAndCreditSplit(text: String, caption: String, credit: String?) {
        let split = ImageExtractor.splitCredit(text)
        #expect(split.caption == caption)
        #expect(split.credit == credit)
    }
}
