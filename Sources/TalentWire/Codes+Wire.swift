import TalentDomain

/// The product's codes (stages, kinds, statuses, roles) are written as their raw values, the names in the contract.
extension AgencyKind: JSONWritable {}
extension AgencyStatus: JSONWritable {}
extension AgreementStatus: JSONWritable {}
extension AgreementAction: JSONWritable {}
extension Gender: JSONWritable {}
extension Degree: JSONWritable {}
extension Classification: JSONWritable {}
extension Sector: JSONWritable {}
extension NominationStatus: JSONWritable {}
extension NominationTriage: JSONWritable {}
extension PanelMemberStatus: JSONWritable {}
extension PartnerKind: JSONWritable {}
extension PipelineGrouping: JSONWritable {}
extension PipelineStage: JSONWritable {}
extension PositionKind: JSONWritable {}
extension PositionStatus: JSONWritable {}
extension Role: JSONWritable {}
extension Channel: JSONWritable {}
extension ReferrerKind: JSONWritable {}
extension Relationship: JSONWritable {}
extension RubricStatus: JSONWritable {}
extension Aggregation: JSONWritable {}
extension TargetStatus: JSONWritable {}
extension TargetRisk: JSONWritable {}
extension ContactKind: JSONWritable {}
extension MergeOutcome: JSONWritable {}

/// Each code reads back its raw value; an unknown one is an error listing the allowed ones.
extension AgencyKind: WireReadable {}
extension AgencyStatus: WireReadable {}
extension AgreementStatus: WireReadable {}
extension AgreementAction: WireReadable {}
extension Gender: WireReadable {}
extension Degree: WireReadable {}
extension Classification: WireReadable {}
extension Sector: WireReadable {}
extension NominationStatus: WireReadable {}
extension NominationTriage: WireReadable {}
extension PanelMemberStatus: WireReadable {}
extension PartnerKind: WireReadable {}
extension PipelineGrouping: WireReadable {}
extension PipelineStage: WireReadable {}
extension PositionKind: WireReadable {}
extension PositionStatus: WireReadable {}
extension Role: WireReadable {}
extension Channel: WireReadable {}
extension ReferrerKind: WireReadable {}
extension Relationship: WireReadable {}
extension RubricStatus: WireReadable {}
extension Aggregation: WireReadable {}
extension TargetStatus: WireReadable {}
extension TargetRisk: WireReadable {}
extension ContactKind: WireReadable {}
extension MergeOutcome: WireReadable {}
