import Foundation
import TalentDomain
import Testing

/// The typed inputs of applications, agreements and nominations: one error naming every bad field, and values that
/// passed are non-optional.
@Suite("Typed inputs of applications, referrals, nominations, partners and agreements")
struct PipelineInputTests {
    @Test("a move names its stage; a bad stage and a bad reason are one error", arguments: [
        (StageMoveDraft(to: "screening", reason: nil), PipelineStage.screening, [String]()),
        (StageMoveDraft(to: "pool", reason: " Giữ lại "), .pool, []),
        (StageMoveDraft(to: nil, reason: nil), nil, ["to"]),
        (StageMoveDraft(to: "lost", reason: "a\u{0}b"), nil, ["to", "reason"]),
    ])
    func stageMove(draft: StageMoveDraft, stage: PipelineStage?, fields: [String]) {
        do {
            let move = try StageMove(draft)
            #expect(move.to == stage)
            #expect(fields.isEmpty)
        } catch {
            #expect(error.fieldErrors.map(\.field) == fields)
        }
    }

    @Test("opening an application needs both ids, each a UUID")
    func newApplication() throws {
        let id = UUID()
        let valid = try NewApplication(ApplicationDraft(candidateID: id.uuidString, positionID: id.uuidString))
        #expect(valid == NewApplication(candidateID: id, positionID: id))
        // An id is refused with spaces around it, as the document's `format: uuid` says.
        #expect(throws: ServiceError.self) {
            try NewApplication(ApplicationDraft(candidateID: id.uuidString, positionID: " \(id.uuidString) "))
        }
        #expect(throws: ServiceError.self) { try NewApplication(ApplicationDraft(candidateID: nil, positionID: "x")) }
        do {
            _ = try NewApplication(ApplicationDraft(candidateID: nil, positionID: "x"))
        } catch {
            #expect(error.fieldErrors.map(\.field) == ["candidate_id", "position_id"])
        }
    }

    @Test("the status a PATCH asks for becomes the action that reaches it", arguments: [
        ("active", AgreementAction.activate), ("suspended", .suspend), ("terminated", .terminate),
    ])
    func transition(status: String, action: AgreementAction) throws {
        #expect(try AgreementTransition(reaching: status, reason: "x").action == action)
    }

    @Test("a status no action reaches is refused with the same message as before", arguments: [nil, "draft", "expired", "x"])
    func unreachable(status: String?) {
        do {
            _ = try AgreementTransition(reaching: status, reason: nil)
            Issue.record("accepted \(String(describing: status))")
        } catch {
            #expect(error.fieldErrors.map(\.field) == ["status"])
            #expect(error.fieldErrors.first?.message.en == "must be active, suspended or terminated")
        }
    }

    @Test("a receipt's body is what a replay reads back, byte for byte")
    func receipt() throws {
        let receipt = NominationReceipt(id: UUID(), status: .received, submittedAt: Date(timeIntervalSince1970: 1_796_000_000.75))
        let json = receipt.json
        #expect(json.hasPrefix("{\"id\":\"\(receipt.id.text)\""))
        #expect(json.contains("\"submitted_at\":\"2026-"))
        let replayed = try #require(NominationReceipt(replaying: json))
        #expect(replayed.replayed)
        #expect(replayed.id == receipt.id)
        #expect(replayed.json == json)
        #expect(NominationReceipt(replaying: "{}") == nil)
    }
}
