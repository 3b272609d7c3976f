import Foundation
import TalentDomain
import Testing

@Suite("Agreement actions")
struct AgreementActionTests {
    @Test("the status a PATCH asks for names the action that reaches it", arguments: [
        (AgreementStatus.active, AgreementAction.activate),
        (.suspended, .suspend),
        (.terminated, .terminate),
    ])
    func reaching(status: AgreementStatus, action: AgreementAction) {
        #expect(AgreementAction(reaching: status) == action)
        #expect(action.target == status)
    }

    @Test("no action leads back to draft, or to expired, which only the dates reach",
          arguments: [AgreementStatus.draft, .expired])
    func unreachable(status: AgreementStatus) {
        #expect(AgreementAction(reaching: status) == nil)
    }
}
