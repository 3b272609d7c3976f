import Foundation

/// A reorganization of the province's agencies as data (`deploy/reorganizations/*.json`, `talent agency reorganize`,
/// `POST /v1/agencies/reorganizations`): dated steps, in order, each citing its sources, that create agencies, rename
/// them, retire them (into a successor, or not) and name the ones that carry on unchanged.
public struct Reorganization: Sendable, Hashable {
    /// A document a step rests on, with what was and was not checked of it.
    public struct Source: Sendable, Hashable {
        public var id: String
        public var document: String
        public var issuer: String?
        public var date: CalendarDate?
        public var url: String?
        public var also: [String]
        public var verification: String?
    }

    public struct Creation: Sendable, Hashable {
        public var code: String
        public var name: String
        public var kind: AgencyKind
    }

    public struct Renaming: Sendable, Hashable {
        public var code: String
        public var name: String
    }

    public struct Retirement: Sendable, Hashable {
        public var code: String
        public var mergedInto: String?
    }

    /// An agency the step says carries on: it must be active (with this name, when given) when the step applies.
    public struct Kept: Sendable, Hashable {
        public var code: String
        public var name: String?
    }

    public struct Step: Sendable, Hashable {
        public var id: String
        public var effective: CalendarDate
        public var title: String
        public var sources: [String]
        public var note: String?
        public var create: [Creation]
        public var rename: [Renaming]
        public var retire: [Retirement]
        public var keep: [Kept]
    }

    /// Stable across versions of the file: the audit trail records the reorganization under it.
    public var id: String
    public var name: String
    public var description: String?
    public var notes: [String]
    public var sources: [Source]
    public var steps: [Step]

    static let idPattern = "[a-z0-9][a-z0-9-]{0,63}"
    static let sourcePattern = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}"

    /// The whole text matches: `\z`, since ICU's `$` also matches before a final line break (JSON Schema's does not).
    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: "^(?:\(pattern))\\z", options: .regularExpression) != nil
    }

    /// Reads and checks a reorganization document. Every error is named by its path (`steps[1].retire[0].merged_into`)
    /// and, inside a step, its message starts with the step's id, so a refusal says which step is wrong.
    public init(json: JSONValue) throws(ServiceError) {
        var fields = JSONFields(value: json)
        var v = FieldValidator()
        let id = fields.string("id")
        if let id, !Self.matches(id, Self.idPattern) {
            v.add("id", vi: "chỉ gồm a–z, số và '-', tối đa 64 ký tự", en: "must be a–z, digits and '-', at most 64 characters")
        } else if id == nil, !fields.failed("id") {
            v.add("id", vi: "bắt buộc", en: "is required")
        }
        let name = v.text("name", fields.string("name"), required: true, maxLength: 300)
        let description = v.text("description", fields.string("description"), maxLength: 5000, multiline: true)
        var notes: [String] = []
        for (i, note) in fields.strings("notes").enumerated() {
            if let text = v.text("notes[\(i)]", note, required: true, maxLength: 5000, multiline: true) { notes.append(text) }
        }
        let sources = fields.objects("sources") { s -> Source? in
            var sv = FieldValidator()
            let sid = s.string("id")
            if let sid, !Self.matches(sid, Self.sourcePattern) {
                s.add("id", vi: "chỉ gồm chữ, số, '.', '-' và '_', tối đa 64 ký tự",
                      en: "must be letters, digits, '.', '-' and '_', at most 64 characters")
            } else if sid == nil, !s.failed("id") {
                s.add("id", vi: "bắt buộc", en: "is required")
            }
            let document = sv.text("document", s.string("document"), required: true, maxLength: 1000)
            let issuer = sv.text("issuer", s.string("issuer"), maxLength: 300)
            let date = sv.date("date", s.string("date"))
            let url = sv.text("url", s.string("url"), maxLength: 2000)
            var also: [String] = []
            for (i, link) in s.strings("also").enumerated() {
                if let text = sv.text("also[\(i)]", link, required: true, maxLength: 2000) { also.append(text) }
            }
            let verification = sv.text("verification", s.string("verification"), maxLength: 5000, multiline: true)
            s.add(sv.errors)
            guard let sid, let document, !s.failed("id") else { return nil }
            return Source(id: sid, document: document, issuer: issuer, date: date, url: url, also: also,
                          verification: verification)
        }
        if sources.isEmpty, !fields.failed("sources") {
            v.add("sources", vi: "cần ít nhất một nguồn", en: "needs at least one source")
        }
        let steps = fields.objects("steps") { s -> Step? in
            var sv = FieldValidator()
            let sid = s.string("id")
            if let sid, !Self.matches(sid, Self.idPattern) {
                s.add("id", vi: "chỉ gồm a–z, số và '-', tối đa 64 ký tự", en: "must be a–z, digits and '-', at most 64 characters")
            } else if sid == nil, !s.failed("id") {
                s.add("id", vi: "bắt buộc", en: "is required")
            }
            let effective = sv.date("effective", s.string("effective"), required: true)
            let title = sv.text("title", s.string("title"), required: true, maxLength: 500)
            let cited = s.strings("sources")
            if cited.isEmpty, !s.failed("sources") {
                s.add("sources", vi: "mỗi bước phải dẫn ít nhất một nguồn", en: "every step must cite at least one source")
            }
            let note = sv.text("note", s.string("note"), maxLength: 5000, multiline: true)
            let create = s.objects("create") { c -> Creation? in
                var cv = FieldValidator()
                let code = cv.code("code", c.string("code"))
                let name = cv.text("name", c.string("name"), required: true, maxLength: 200)
                let kind = cv.oneOf("kind", c.string("kind") ?? AgencyKind.department.rawValue, AgencyKind.self)
                _ = cv.text("note", c.string("note"), maxLength: 5000, multiline: true)
                c.add(cv.errors)
                guard let code, let name, let kind else { return nil }
                return Creation(code: code, name: name, kind: kind)
            }
            let rename = s.objects("rename") { c -> Renaming? in
                var cv = FieldValidator()
                let code = cv.code("code", c.string("code"))
                let name = cv.text("name", c.string("name"), required: true, maxLength: 200)
                _ = cv.text("note", c.string("note"), maxLength: 5000, multiline: true)
                c.add(cv.errors)
                guard let code, let name else { return nil }
                return Renaming(code: code, name: name)
            }
            let retire = s.objects("retire") { c -> Retirement? in
                var cv = FieldValidator()
                let code = cv.code("code", c.string("code"))
                let into = cv.code("merged_into", c.string("merged_into"), required: false)
                _ = cv.text("note", c.string("note"), maxLength: 5000, multiline: true)
                c.add(cv.errors)
                guard let code, !c.failed("merged_into") else { return nil }
                return Retirement(code: code, mergedInto: into)
            }
            let keep = s.objects("keep") { c -> Kept? in
                var cv = FieldValidator()
                let code = cv.code("code", c.string("code"))
                let name = cv.text("name", c.string("name"), maxLength: 200)
                _ = cv.text("note", c.string("note"), maxLength: 5000, multiline: true)
                c.add(cv.errors)
                guard let code else { return nil }
                return Kept(code: code, name: name)
            }
            s.add(sv.errors)
            guard let sid, let effective, let title, !s.failed("id") else { return nil }
            return Step(id: sid, effective: effective, title: title, sources: cited, note: note,
                        create: create.compactMap { $0 }, rename: rename.compactMap { $0 },
                        retire: retire.compactMap { $0 }, keep: keep.compactMap { $0 })
        }
        if steps.isEmpty, !fields.failed("steps") {
            v.add("steps", vi: "cần ít nhất một bước", en: "needs at least one step")
        }
        do {
            try fields.finish()
        } catch let error as ServiceError {
            for e in error.fieldErrors { v.add(e.field, vi: e.message.vi, en: e.message.en) }
        } catch {}

        // What only the whole document can say: ids used twice, sources not declared, steps out of date order, the
        // same agency created or retired twice, a successor that the same step retires, and merges in a cycle.
        var sourceIDs: Set<String> = []
        for (i, source) in sources.enumerated() {
            guard let source else { continue }
            if !sourceIDs.insert(source.id).inserted {
                v.add("sources[\(i)].id", vi: "trùng với nguồn khác", en: "is used by another source")
            }
        }
        var stepIDs: Set<String> = []
        var created: [String: String] = [:], retired: [String: String] = [:]
        var edges: [String: (into: String, step: Int)] = [:]
        var previous: CalendarDate?
        for (i, step) in steps.enumerated() {
            guard let step else { continue }
            let at = "steps[\(i)]"
            if !stepIDs.insert(step.id).inserted { v.add("\(at).id", vi: "trùng với bước khác", en: "is used by another step") }
            if let previous, step.effective < previous {
                v.add("\(at).effective", vi: "các bước phải theo thứ tự ngày hiệu lực (bước trước: \(previous))",
                      en: "steps must be in order of their dates (the step before: \(previous))")
            }
            previous = step.effective
            for (j, cited) in step.sources.enumerated() where !sourceIDs.contains(cited) {
                v.add("\(at).sources[\(j)]", vi: "nguồn \(cited) không có trong danh sách sources",
                      en: "the source \(cited) is not among the document's sources")
            }
            if step.create.isEmpty && step.rename.isEmpty && step.retire.isEmpty && step.keep.isEmpty
                && !["create", "rename", "retire", "keep"].contains(where: { v.errors.map(\.field).contains("\(at).\($0)") }) {
                v.add(at, vi: "bước không có thao tác nào (create, rename, retire, keep)",
                      en: "the step does nothing (create, rename, retire, keep)")
            }
            for (j, c) in step.create.enumerated() {
                if let other = created[c.code] {
                    v.add("\(at).create[\(j)].code", vi: "\(c.code) đã được thành lập ở bước \(other)",
                          en: "\(c.code) is already created by step \(other)")
                }
                created[c.code] = step.id
            }
            let retiredHere = Set(step.retire.map(\.code))
            for (j, r) in step.retire.enumerated() {
                if let other = retired[r.code] {
                    v.add("\(at).retire[\(j)].code", vi: "\(r.code) đã được giải thể ở bước \(other)",
                          en: "\(r.code) is already retired by step \(other)")
                }
                retired[r.code] = step.id
                if step.create.contains(where: { $0.code == r.code }) {
                    v.add("\(at).retire[\(j)].code", vi: "\(r.code) được thành lập và giải thể trong cùng một bước",
                          en: "\(r.code) is created and retired in the same step")
                }
                guard let into = r.mergedInto else { continue }
                if into == r.code {
                    v.add("\(at).retire[\(j)].merged_into", vi: "không thể sáp nhập vào chính nó", en: "cannot be the agency itself")
                } else if retiredHere.contains(into) {
                    v.add("\(at).retire[\(j)].merged_into",
                          vi: "cơ quan tiếp nhận \(into) cũng bị giải thể trong bước này",
                          en: "the successor \(into) is retired by this step too")
                } else {
                    edges[r.code] = (into, i)
                }
            }
            for (j, k) in step.keep.enumerated() where retiredHere.contains(k.code) {
                v.add("\(at).keep[\(j)].code", vi: "\(k.code) vừa được giữ nguyên vừa bị giải thể trong bước này",
                      en: "\(k.code) is both kept and retired by this step")
            }
        }
        // A cycle of merges (A into B, later B into A) would leave no agency holding the positions.
        var reported: Set<String> = []
        for start in edges.keys.sorted() where !reported.contains(start) {
            var path = [start], seen: Set<String> = [start]
            var current = start
            while let next = edges[current]?.into {
                if next == start {
                    let chain = (path + [start]).joined(separator: " → ")
                    // Named at the merge that closes the cycle: the one of the latest step.
                    let closing = path.max { (edges[$0]?.step ?? 0) < (edges[$1]?.step ?? 0) } ?? current
                    let last = edges[closing]?.step ?? 0
                    let j = steps[last]?.retire.firstIndex(where: { $0.code == closing }) ?? 0
                    v.add("steps[\(last)].retire[\(j)].merged_into", vi: "các bước sáp nhập tạo thành vòng: \(chain)",
                          en: "the merges form a cycle: \(chain)")
                    reported.formUnion(path)
                    break
                }
                guard seen.insert(next).inserted else { break }
                path.append(next)
                current = next
            }
        }

        // Inside a step, each message says which step it is.
        let stepNames = steps.map { $0?.id }
        let errors = v.errors.map { error -> FieldError in
            guard error.field.hasPrefix("steps["), let close = error.field.firstIndex(of: "]"),
                  let index = Int(error.field[error.field.index(error.field.startIndex, offsetBy: 6)..<close]),
                  stepNames.indices.contains(index)
            else { return error }
            let label = stepNames[index] ?? String(index + 1)
            return FieldError(error.field, vi: "bước \(label): \(error.message.vi)", en: "step \(label): \(error.message.en)")
        }
        guard errors.isEmpty, let id, let name else { throw ServiceError.invalid(errors) }
        self.id = id
        self.name = name
        self.description = description
        self.notes = notes
        self.sources = sources.compactMap { $0 }
        self.steps = steps.compactMap { $0 }
    }
}

/// One entry of a reorganization as it meets the agencies: what it changes, or that it changes nothing because the
/// database already says so (applying a file twice changes nothing the second time).
public struct ReorganizationChange: Sendable, Hashable {
    public enum Action: String, Sendable, CaseIterable {
        case create, rename, retire, keep
    }

    public enum Outcome: String, Sendable, CaseIterable {
        case changed, unchanged
    }

    public var step: String
    public var effective: CalendarDate
    public var action: Action
    public var code: String
    /// The agency's name once the entry applies.
    public var name: String
    /// The name before a rename.
    public var previousName: String?
    public var kind: AgencyKind
    public var mergedInto: String?
    public var outcome: Outcome
    public var positionsMoved = 0
    public var targetsMoved = 0
    public var targetsFolded = 0

    public init(step: String, effective: CalendarDate, action: Action, code: String, name: String, previousName: String?,
                kind: AgencyKind, mergedInto: String?, outcome: Outcome, positionsMoved: Int = 0, targetsMoved: Int = 0,
                targetsFolded: Int = 0) {
        self.step = step
        self.effective = effective
        self.action = action
        self.code = code
        self.name = name
        self.previousName = previousName
        self.kind = kind
        self.mergedInto = mergedInto
        self.outcome = outcome
        self.positionsMoved = positionsMoved
        self.targetsMoved = targetsMoved
        self.targetsFolded = targetsFolded
    }
}

extension Reorganization {
    /// The entries of every step as they meet the agencies given (all of them, retired too), in order: what each
    /// changes or that it is already so. Throws one error naming every entry that cannot apply: an unknown agency, a
    /// successor that is not active when its step applies, a code already used by another agency, an agency already
    /// retired into another successor than the file says.
    public func plan(against agencies: [Agency]) throws(ServiceError) -> [ReorganizationChange] {
        var state = Dictionary(agencies.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [ReorganizationChange] = []
        var errors: [FieldError] = []
        let now = Date()
        for (i, step) in steps.enumerated() {
            let at = "steps[\(i)]"
            func refuse(_ field: String, vi: String, en: String) {
                errors.append(FieldError("\(at).\(field)", vi: "bước \(step.id): \(vi)", en: "step \(step.id): \(en)"))
            }
            func change(_ action: ReorganizationChange.Action, _ agency: Agency, _ outcome: ReorganizationChange.Outcome,
                        previousName: String? = nil) {
                changes.append(ReorganizationChange(step: step.id, effective: step.effective, action: action,
                                                    code: agency.code, name: agency.name, previousName: previousName,
                                                    kind: agency.kind, mergedInto: agency.mergedInto, outcome: outcome))
            }
            for (j, c) in step.create.enumerated() {
                if let existing = state[c.code] {
                    if existing.name == c.name && existing.kind == c.kind {
                        change(.create, existing, .unchanged)
                    } else {
                        refuse("create[\(j)].code", vi: "mã \(c.code) đã được dùng cho «\(existing.name)»",
                               en: "the code \(c.code) is already used by «\(existing.name)»")
                    }
                    continue
                }
                let agency = Agency(code: c.code, name: c.name, kind: c.kind, status: .active, mergedInto: nil,
                                    createdAt: now, updatedAt: now)
                state[c.code] = agency
                change(.create, agency, .changed)
            }
            for (j, r) in step.rename.enumerated() {
                guard var agency = state[r.code] else {
                    refuse("rename[\(j)].code", vi: "không có cơ quan mã \(r.code)", en: "there is no agency \(r.code)")
                    continue
                }
                if agency.name == r.name {
                    change(.rename, agency, .unchanged)
                } else if agency.status == .retired {
                    refuse("rename[\(j)].code", vi: "cơ quan \(r.code) đã ngừng hoạt động, không đổi tên được",
                           en: "the agency \(r.code) is retired and cannot be renamed")
                } else {
                    let before = agency.name
                    agency.name = r.name
                    state[r.code] = agency
                    change(.rename, agency, .changed, previousName: before)
                }
            }
            for (j, r) in step.retire.enumerated() {
                guard var agency = state[r.code] else {
                    refuse("retire[\(j)].code", vi: "không có cơ quan mã \(r.code)", en: "there is no agency \(r.code)")
                    continue
                }
                if agency.status == .retired {
                    if agency.mergedInto == r.mergedInto {
                        change(.retire, agency, .unchanged)
                    } else {
                        let was = agency.mergedInto.map { "sáp nhập vào \($0)" } ?? "giải thể, không có cơ quan tiếp nhận"
                        let wasEn = agency.mergedInto.map { "merged into \($0)" } ?? "retired without a successor"
                        refuse("retire[\(j)].merged_into", vi: "\(r.code) đã \(was), khác với tệp",
                               en: "\(r.code) is already \(wasEn), not as the file says")
                    }
                    continue
                }
                if let into = r.mergedInto {
                    guard let successor = state[into] else {
                        refuse("retire[\(j)].merged_into", vi: "không có cơ quan tiếp nhận mã \(into)",
                               en: "there is no successor agency \(into)")
                        continue
                    }
                    guard successor.status == .active else {
                        refuse("retire[\(j)].merged_into",
                               vi: "cơ quan tiếp nhận \(into) đã ngừng hoạt động" + (successor.mergedInto.map { " (đã sáp nhập vào \($0))" } ?? ""),
                               en: "the successor \(into) is retired" + (successor.mergedInto.map { " (merged into \($0))" } ?? ""))
                        continue
                    }
                }
                agency.status = .retired
                agency.mergedInto = r.mergedInto
                state[r.code] = agency
                change(.retire, agency, .changed)
            }
            for (j, k) in step.keep.enumerated() {
                guard let agency = state[k.code] else {
                    refuse("keep[\(j)].code", vi: "không có cơ quan mã \(k.code)", en: "there is no agency \(k.code)")
                    continue
                }
                if agency.status != .active {
                    refuse("keep[\(j)].code", vi: "cơ quan \(k.code) đã ngừng hoạt động", en: "the agency \(k.code) is retired")
                } else if let name = k.name, name != agency.name {
                    refuse("keep[\(j)].name", vi: "tệp ghi «\(name)», cơ sở dữ liệu ghi «\(agency.name)»",
                           en: "the file says «\(name)», the database «\(agency.name)»")
                } else {
                    change(.keep, agency, .unchanged)
                }
            }
        }
        guard errors.isEmpty else { throw ServiceError.invalid(errors) }
        return changes
    }
}

/// What a reorganization changed, or would change with a dry run (`dry_run`: nothing was written).
public struct ReorganizationResult: Sendable, Hashable {
    public var id: String
    public var name: String
    public var dryRun: Bool
    public var changes: [ReorganizationChange]

    public init(id: String, name: String, dryRun: Bool, changes: [ReorganizationChange]) {
        self.id = id
        self.name = name
        self.dryRun = dryRun
        self.changes = changes
    }

    /// Whether anything changed (or would change): false when the file was already applied.
    public var changed: Bool { changes.contains { $0.outcome == .changed } }

    public func count(_ action: ReorganizationChange.Action) -> Int {
        changes.filter { $0.action == action && $0.outcome == .changed }.count
    }

    public var unchanged: Int { changes.filter { $0.outcome == .unchanged && $0.action != .keep }.count }
    public var positionsMoved: Int { changes.reduce(0) { $0 + $1.positionsMoved } }
    public var targetsMoved: Int { changes.reduce(0) { $0 + $1.targetsMoved } }
    public var targetsFolded: Int { changes.reduce(0) { $0 + $1.targetsFolded } }

    /// The figures of the result, as the audit entry and the JSON answer give them.
    public var summary: [String: JSONValue] {
        [
            "created": .number(Double(count(.create))), "renamed": .number(Double(count(.rename))),
            "retired": .number(Double(count(.retire))), "kept": .number(Double(changes.filter { $0.action == .keep }.count)),
            "unchanged": .number(Double(unchanged)), "positions_moved": .number(Double(positionsMoved)),
            "targets_moved": .number(Double(targetsMoved)), "targets_folded": .number(Double(targetsFolded)),
        ]
    }

    /// One line for people: what was done (or would be), or that the file was already applied.
    public var message: LocalizedText {
        guard changed else {
            return LocalizedText(vi: "Không có gì thay đổi: «\(name)» đã được áp dụng (\(unchanged) mục đã đúng như tệp).",
                                 en: "Nothing to change: «\(name)» is already applied (\(unchanged) entries already as the file says).")
        }
        let figures = LocalizedText(
            vi: "thành lập \(count(.create)), đổi tên \(count(.rename)), giải thể hoặc sáp nhập \(count(.retire)) cơ quan "
                + "(\(unchanged) mục đã đúng như tệp); chuyển \(positionsMoved) vị trí tuyển dụng và \(targetsMoved) chỉ tiêu"
                + " cho cơ quan tiếp nhận, gộp \(targetsFolded) chỉ tiêu trùng",
            en: "\(count(.create)) created, \(count(.rename)) renamed, \(count(.retire)) retired or merged "
                + "(\(unchanged) already as the file says); \(positionsMoved) positions and \(targetsMoved) targets moved"
                + " to their successors, \(targetsFolded) duplicate targets folded")
        return dryRun
            ? LocalizedText(vi: "Chạy thử, chưa ghi gì: «\(name)» sẽ \(figures.vi).", en: "Dry run, nothing written: «\(name)» would have \(figures.en).")
            : LocalizedText(vi: "Đã áp dụng «\(name)»: \(figures.vi).", en: "Applied «\(name)»: \(figures.en).")
    }
}

extension ReorganizationChange.Action: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .create: LocalizedText(vi: "thành lập", en: "create")
        case .rename: LocalizedText(vi: "đổi tên", en: "rename")
        case .retire: LocalizedText(vi: "giải thể, sáp nhập", en: "retire")
        case .keep: LocalizedText(vi: "giữ nguyên", en: "keep")
        }
    }
}

extension ReorganizationChange.Outcome: LabeledCode {
    public var label: LocalizedText {
        switch self {
        case .changed: LocalizedText(vi: "thay đổi", en: "changed")
        case .unchanged: LocalizedText(vi: "đã đúng, không đổi", en: "already so")
        }
    }
}
