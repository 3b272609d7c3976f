import Foundation

/// What a document of a candidate's file is.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case cv
    case diploma
    case transcript
    /// A scan of the căn cước card: sensitive data, for admins and HR only, every read logged.
    case idCard = "id_card"
    case recommendation
    case decision
    case other

    /// Who may read a document of this kind, beside its reach: a card scan only HR and admins; a recommendation
    /// (which names who recommended) not evaluators, who judge without knowing it; decisions and other papers not
    /// evaluators either.
    public var readers: Set<Role> {
        switch self {
        case .idCard: [.admin, .hr]
        case .cv, .diploma, .transcript: [.admin, .hr, .leadership, .evaluator]
        case .recommendation, .decision, .other: [.admin, .hr, .leadership]
        }
    }
}

extension DocumentKind: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .cv: LocalizedText(vi: "sơ yếu lý lịch / CV", en: "CV")
        case .diploma: LocalizedText(vi: "văn bằng", en: "diploma")
        case .transcript: LocalizedText(vi: "bảng điểm", en: "transcript")
        case .idCard: LocalizedText(vi: "ảnh căn cước", en: "ID card scan")
        case .recommendation: LocalizedText(vi: "thư giới thiệu / đề cử", en: "recommendation")
        case .decision: LocalizedText(vi: "quyết định", en: "decision")
        case .other: LocalizedText(vi: "khác", en: "other")
        }
    }
}

/// The file types a document may be, found from its content (its first bytes, and for DOCX its parts), never from
/// its name.
public enum DocumentType: String, Sendable, Codable, CaseIterable {
    case pdf = "application/pdf"
    case docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case jpeg = "image/jpeg"
    case png = "image/png"

    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .docx: "docx"
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    /// The type of a file from its first bytes; `hasWordDocument` says whether a ZIP holds `word/document.xml` (a
    /// ZIP without it, an XLSX or any other archive, is none of these).
    public init?(sniffing head: some Collection<UInt8>, hasWordDocument: Bool) {
        let bytes = Array(head.prefix(8))
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes.prefix(magic.count)) == magic }
        if starts(Array("%PDF-".utf8)) {
            self = .pdf
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts([0x50, 0x4B, 0x03, 0x04]), hasWordDocument {
            self = .docx
        } else {
            return nil
        }
    }

    /// Whether text can be extracted (and searched).
    public var hasText: Bool { self == .pdf || self == .docx }
}

/// A document's record: what it is, whose, and how to check its bytes (size and SHA-256); `text` is what was
/// extracted for search (staff read it with the document).
public struct CandidateDocument: Sendable, Hashable {
    public var id: UUID
    /// Whose file it is (nil in a partner's answer: the candidate's id is staff's).
    public var candidateID: UUID?
    public var nominationID: UUID?
    public var kind: DocumentKind
    public var filename: String
    public var contentType: DocumentType
    public var size: Int
    public var sha256: String
    /// Whether text was extracted from it (a PDF or DOCX with text).
    public var hasText: Bool
    public var uploadedBy: String
    public var uploadedAt: Date

    public init(id: UUID, candidateID: UUID?, nominationID: UUID?, kind: DocumentKind, filename: String,
                contentType: DocumentType, size: Int, sha256: String, hasText: Bool, uploadedBy: String, uploadedAt: Date) {
        self.id = id
        self.candidateID = candidateID
        self.nominationID = nominationID
        self.kind = kind
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.hasText = hasText
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

extension CandidateDocument {
    /// What an evaluator reads: not who uploaded it nor the nomination it came with (they judge without knowing who
    /// recommended the candidate).
    public var forEvaluator: CandidateDocument {
        var copy = self
        copy.nominationID = nil
        copy.uploadedBy = ""
        return copy
    }

    /// What a partner's upload answers: the record without the candidate's id.
    public var forPartner: CandidateDocument {
        var copy = self
        copy.candidateID = nil
        return copy
    }
}

/// A document as asked for, checked: its kind and a file name fit to keep (the base name, NFC, no control
/// characters, at most 255 characters; a name that cannot be kept becomes `document.<ext>` once the type is known).
public struct ValidDocumentRequest: Sendable, Hashable {
    public var kind: DocumentKind
    public var filename: String?

    public init(kind: String?, filename: String?) throws(ServiceError) {
        var v = FieldValidator()
        let kind = v.oneOf("kind", kind, DocumentKind.self, required: true)
        try v.check()
        self.kind = kind ?? .other
        self.filename = filename.flatMap(Self.baseName)
    }

    /// The last path component, NFC, without control characters; nil when nothing fit to keep is left.
    static func baseName(_ raw: String) -> String? {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let name = VietnameseText.nfc(last).trimmed
        guard !name.isEmpty, name != ".", name != "..", !VietnameseText.hasControlCharacters(name, allowLineBreaks: false)
        else { return nil }
        return String(name.unicodeScalars.prefix(255).map(Character.init))
    }
}

/// The text of a DOCX's `word/document.xml`: paragraphs on their own lines, tags dropped, the five XML entities and
/// character references decoded.
public enum DocumentText {
    public static func fromWordXML(_ xml: String) -> String {
        var out = ""
        out.reserveCapacity(xml.utf8.count / 4)
        var index = xml.startIndex
        while index < xml.endIndex {
            let c = xml[index]
            if c == "<" {
                guard let end = xml[index...].firstIndex(of: ">") else { break }
                let tag = xml[xml.index(after: index)..<end]
                if tag == "/w:p" || tag.hasPrefix("w:br") || tag.hasPrefix("w:cr") { out.append("\n") }
                if tag.hasPrefix("w:tab") && !tag.hasPrefix("w:tabs") { out.append("\t") }
                index = xml.index(after: end)
            } else if c == "&" {
                guard let end = xml[index...].prefix(12).firstIndex(of: ";") else {
                    out.append(c)
                    index = xml.index(after: index)
                    continue
                }
                let entity = xml[xml.index(after: index)..<end]
                out += decode(entity) ?? String(xml[index...end])
                index = xml.index(after: end)
            } else {
                out.append(c)
                index = xml.index(after: index)
            }
        }
        return out
    }

    static func decode(_ entity: Substring) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let number: UInt32?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                number = UInt32(entity.dropFirst(2), radix: 16)
            } else if entity.hasPrefix("#") {
                number = UInt32(entity.dropFirst())
            } else {
                number = nil
            }
            return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    /// Text kept for search: NFC, at most `limit` characters.
    public static func kept(_ text: String, limit: Int = 200_000) -> String? {
        // PostgreSQL text holds no NUL; other control characters (but line breaks and tabs) are dropped with it.
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0 == "\n" || $0 == "\t" || !($0.properties.generalCategory == .control)
        }))
        let normalized = VietnameseText.nfc(cleaned).trimmed
        guard !normalized.isEmpty else { return nil }
        return String(normalized.prefix(limit))
    }
}
