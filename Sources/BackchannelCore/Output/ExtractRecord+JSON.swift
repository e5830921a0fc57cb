extension ExtractRecord {
    /// Writes the record as `backchannel extract` prints it (the same members as `Encodable`,
    /// in the documented order: source, article, entities, quotes, events, money).
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("source", source)
            json.field("article") { ArticleRecord(document).write(to: &$0) }
            for member in ["entities", "quotes", "events", "money"] {
                json.field(member) { $0.array([Int]()) { _, _ in } }
            }
        }
    }
}

extension ArticleRecord {
    public func write(to json: inout JSONWriter) {
        let m = document.metadata
        let stats = TextStatistics(text: document.text)
        json.object { json in
            json.field("id", document.id.rawValue)
            json.field("title", m.title)
            json.field("published", m.published?.description)
            json.field("modified", m.modified?.description)
            json.field("authors", m.authors)
            json.field("categories", m.categories)
            json.field("tags", m.tags)
            json.field("siteName", m.siteName)
            json.field("language", m.language)
            json.field("url", m.url)
            json.field("description", m.description)
            json.field("text", document.text)
            json.field("wordCount", stats.wordCount)
            json.field("readingMinutes", stats.readingMinutes)
            json.field("blocks") { json in
                json.array(document.blocks) { json, block in
                    json.object { json in
                        json.field("kind", block.kind.rawValue)
                        json.field("start", block.span.start)
                        json.field("end", block.span.end)
                    }
                }
            }
            json.field("images") { json in
                json.array(document.images) { json, image in
                    json.object { json in
                        json.field("src", image.src)
                        json.field("caption", image.caption)
                        json.field("credit", image.credit)
                        json.field("alt", image.alt)
                    }
                }
            }
            json.field("encoding", document.source.encoding)
        }
    }
}
