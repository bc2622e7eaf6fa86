"""The domain model. Importing this package registers every table with SQLAlchemy."""
from .core import utcnow
from .process import Process, PHASES
from .user import User, Invitation, ROLES, process_members
from .questionnaire import (
    Questionnaire, Survey, Guide, Section, Question, Option,
    QUESTION_KINDS, CHOICE_KINDS, TEXT_KINDS, SURVEY_STATUSES,
)
from .response import Response, Answer, CHANNELS
from .audit import AuditEvent
from .job import Job, JOB_STATUSES
from .themes import AnalysisRun, AnswerEmbedding, Theme, ThemeAssignment, REVIEW_FLAGS
from .strategy import StrategyField, Goal, Measure, Indicator, EvidenceLink, GOAL_LEVELS, MEASURE_STATUSES
from .draft import SurveyDraft

__all__ = [
    "utcnow", "Process", "PHASES", "User", "Invitation", "ROLES", "process_members",
    "Questionnaire", "Survey", "Guide", "Section", "Question", "Option",
    "QUESTION_KINDS", "CHOICE_KINDS", "TEXT_KINDS", "SURVEY_STATUSES",
    "Response", "Answer", "CHANNELS", "AuditEvent", "Job", "JOB_STATUSES",
    "AnalysisRun", "AnswerEmbedding", "Theme", "ThemeAssignment", "REVIEW_FLAGS",
    "StrategyField", "Goal", "Measure", "Indicator", "EvidenceLink", "GOAL_LEVELS", "MEASURE_STATUSES",
    "SurveyDraft",
]
