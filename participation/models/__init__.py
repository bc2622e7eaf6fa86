"""The domain model. Importing this package registers every table with SQLAlchemy."""
from .audit import AuditEvent
from .cooperation import (
    ACTOR_KINDS,
    COMMITTEE_KINDS,
    ActorContact,
    ActorProfile,
    AgreementPartner,
    Committee,
    CommitteeMembership,
    CooperationAgreement,
    CooperationQuestionnaire,
    Meeting,
    MeetingDecision,
    MeetingTask,
)
from .core import utcnow
from .draft import SurveyDraft
from .job import JOB_STATUSES, Job, StoredExport, WorkerHeartbeat
from .measures import (
    BODY_KINDS,
    CONTRIBUTION_KINDS,
    EVALUATION_RESULTS,
    Body,
    LifeStage,
    MeasureBody,
    MeasureBudget,
    MeasureContribution,
    MeasureFunding,
    MeasureStatusChange,
)
from .outcomes import (
    DECISION_STATUSES,
    PARTICIPATION_STAGES,
    DecisionMeasure,
    OutcomePublication,
    OutcomeSubscription,
    ParticipationRules,
    ThemeDecision,
)
from .priorities import (
    PRIORITY_CHANNELS,
    ROUND_STATUSES,
    PriorityItem,
    PriorityPoints,
    PriorityRound,
    PrioritySubmission,
)
from .phases import PHASE_EVENT_KINDS, PhaseChecklistItem, PhaseEvent, ProcessPhase
from .process import PHASES, Process
from .proposal import PROPOSAL_KINDS, PROPOSAL_STATUSES, GuideProposal
from .questionnaire import (
    CHOICE_KINDS,
    QUESTION_KINDS,
    SURVEY_STATUSES,
    TEXT_KINDS,
    Guide,
    Option,
    Question,
    Questionnaire,
    Section,
    Survey,
)
from .ratelimit import RefusedAttempts
from .response import CHANNELS, Answer, Response
from .strategy import GOAL_LEVELS, MEASURE_STATUSES, EvidenceLink, Goal, Indicator, Measure, StrategyField
from .strategy import QUALITY_RATINGS, CouncilDecision, IndicatorValue, QualityRating
from .themes import REVIEW_FLAGS, AnalysisRun, AnswerEmbedding, Theme, ThemeAssignment
from .user import ROLES, Invitation, MembershipInvitation, User, process_members

__all__ = [
    "ACTOR_KINDS", "COMMITTEE_KINDS", "ActorContact", "ActorProfile", "Committee", "CommitteeMembership",
    "Meeting", "MeetingDecision", "MeetingTask", "CooperationAgreement", "AgreementPartner",
    "CooperationQuestionnaire",
    "utcnow", "Process", "PHASES", "User", "Invitation", "MembershipInvitation", "ROLES", "process_members",
    "Questionnaire", "Survey", "Guide", "Section", "Question", "Option",
    "QUESTION_KINDS", "CHOICE_KINDS", "TEXT_KINDS", "SURVEY_STATUSES",
    "Response", "Answer", "CHANNELS", "AuditEvent", "Job", "JOB_STATUSES",
    "AnalysisRun", "AnswerEmbedding", "Theme", "ThemeAssignment", "REVIEW_FLAGS",
    "StrategyField", "Goal", "Measure", "Indicator", "EvidenceLink", "GOAL_LEVELS", "MEASURE_STATUSES",
    "IndicatorValue", "CouncilDecision", "QualityRating", "QUALITY_RATINGS",
    "SurveyDraft", "RefusedAttempts", "WorkerHeartbeat", "StoredExport", "GuideProposal", "PROPOSAL_KINDS",
    "PROPOSAL_STATUSES", "ParticipationRules", "ThemeDecision", "DecisionMeasure", "OutcomeSubscription",
    "OutcomePublication", "PARTICIPATION_STAGES", "DECISION_STATUSES", "PriorityRound", "PriorityItem", "PrioritySubmission", "PriorityPoints",
    "PRIORITY_CHANNELS", "ROUND_STATUSES",
    "Body", "LifeStage", "MeasureBody", "MeasureBudget", "MeasureContribution", "MeasureFunding",
    "MeasureStatusChange", "BODY_KINDS", "CONTRIBUTION_KINDS", "EVALUATION_RESULTS",
    "ProcessPhase", "PhaseChecklistItem", "PhaseEvent", "PHASE_EVENT_KINDS",
]
