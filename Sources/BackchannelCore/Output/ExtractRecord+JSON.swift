extension ExtractRecord {
    /// Writes the record as `backchannel extract` prints it (the same members as `Encodable`,
    /// in the documented order: source, article, entities, dates, money, quotes, events).
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("source", source)
            json.field("article") { ArticleRecord(document).write(to: &$0) }
            // Spans count Unicode scalars: the text's UTF-8 bytes and where each scalar starts in
            // them let a span's text be written as a run of bytes, with no `String` cut for it.
            let utf8 = Array(document.text.utf8)
            var scalarStarts: [Int32] = []
            scalarStarts.reserveCapacity(utf8.count + 1)
            for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { scalarStarts.append(Int32(offset)) }
            scalarStarts.append(Int32(utf8.count))
            let scalarCount = scalarStarts.count - 1
            func text(_ span: TextSpan, _ json: inout JSONWriter) {
                let lower = min(max(span.start, 0), scalarCount)
                let upper = min(max(span.end, lower), scalarCount)
                utf8.withUnsafeBufferPointer { bytes in
                    json.value(utf8: UnsafeBufferPointer(rebasing: bytes[Int(scalarStarts[lower])..<Int(scalarStarts[upper])]))
                }
            }
            /// The `start`, `end` and `text` members of a span.
            func spanFields(_ span: TextSpan, _ json: inout JSONWriter) {
                json.field("start", span.start)
                json.field("end", span.end)
                json.field("text") { text(span, &$0) }
            }
            json.field("entities") { json in
                json.array(document.entities) { json, entity in
                    json.object { json in
                        json.field("id", entity.id.rawValue)
                        json.field("name", entity.name)
                        json.field("type", entity.type.rawValue)
                        json.field("roles", entity.roles.map(\.title))
                        json.field("affiliation", entity.affiliation)
                        json.field("refersTo", entity.refersTo)
                        json.field("mentions") { json in
                            json.array(entity.mentions) { json, mention in
                                json.object { json in
                                    spanFields(mention.span, &json)
                                }
                            }
                        }
                    }
                }
            }
            json.field("dates") { json in
                json.array(document.dates) { json, date in
                    json.object { json in
                        json.field("value", date.value)
                        json.field("granularity", date.granularity.rawValue)
                        json.field("approximate", date.approximate)
                        json.field("relative", date.relative)
                        spanFields(date.span, &json)
                    }
                }
            }
            json.field("money") { json in
                json.array(document.money) { json, money in
                    json.object { json in
                        json.field("amount", money.amount)
                        json.field("currency", money.currency)
                        json.field("qualifier", money.qualifier)
                        spanFields(money.span, &json)
                    }
                }
            }
            json.field("quotes") { json in
                json.array(document.quotes) { json, quote in
                    json.object { json in
                        json.field("id", quote.id.rawValue)
                        json.field("text") { text(quote.span, &$0) }
                        json.field("start", quote.span.start)
                        json.field("end", quote.span.end)
                        json.field("speaker", quote.speaker?.rawValue)
                        json.field("cue", quote.cue)
                        json.field("sentence") { json in json.object { spanFields(quote.sentence, &$0) } }
                    }
                }
            }
            json.field("events") { json in
                json.array(document.events) { json, event in
                    json.object { json in
                        json.field("id", event.id.rawValue)
                        json.field("type", event.type.rawValue)
                        json.field("mode", event.mode)
                        json.field("modality", event.modality.rawValue)
                        json.field("actors", event.actors.map(\.rawValue))
                        json.field("targets", event.targets.map(\.rawValue))
                        json.field("place", event.place?.rawValue)
                        json.field("date") { json in
                            guard let date = event.date else { return json.null() }
                            json.object { json in
                                json.field("value", date.value)
                                json.field("granularity", date.granularity.rawValue)
                                json.field("approximate", date.approximate)
                                json.field("text") { text(date.span, &$0) }
                            }
                        }
                        json.field("amounts") { json in
                            json.array(event.amounts) { json, money in
                                json.object { json in
                                    json.field("amount", money.amount)
                                    json.field("currency", money.currency)
                                    json.field("qualifier", money.qualifier)
                                    json.field("text") { text(money.span, &$0) }
                                }
                            }
                        }
                        json.field("casualties") { json in
                            guard let c = event.casualties else { return json.null() }
                            json.object { json in
                                json.field("killed", c.killed)
                                json.field("injured", c.injured)
                            }
                        }
                        json.field("position") { json in
                            guard let p = event.position else { return json.null() }
                            json.object { json in
                                json.field("issue", p.issue)
                                json.field("stance", p.stance.rawValue)
                                json.field("holder", p.holder?.rawValue)
                                json.field("addressee", p.addressee?.rawValue)
                            }
                        }
                        json.field("sentence") { json in json.object { spanFields(event.sentence, &$0) } }
                        json.field("trigger") { json in json.object { spanFields(event.trigger, &$0) } }
                        json.field("confidence", (event.confidence * 100).rounded() / 100)
                    }
                }
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
