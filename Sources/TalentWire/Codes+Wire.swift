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
