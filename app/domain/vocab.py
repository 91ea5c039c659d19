"""The domain's fixed vocabularies: stored codes (English) with their Dutch labels."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A code stored in the database, with the Dutch label a caseworker sees."""

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]

    @classmethod
    def parse(cls, value: str | LabelledEnum) -> LabelledEnum:
        return cls(value)


class Role(LabelledEnum):
    WORK_COACH = "work_coach"
    CASE_MANAGER = "case_manager"
    PARTICIPATION_COACH = "participation_coach"
    JOB_COACH = "job_coach"
    LABOUR_EXPERT = "labour_expert"
    TEAM_LEAD = "team_lead"


class Benefit(LabelledEnum):
    PARTICIPATIEWET = "participatiewet"
    IOAW = "ioaw"
    IOAZ = "ioaz"
    NONE = "none"


class WorkObligation(LabelledEnum):
    IMPOSED = "imposed"
    PARTIAL_EXEMPTION = "partial_exemption"
    FULL_EXEMPTION = "full_exemption"


class PriorityGroup(LabelledEnum):
    SCHOOL_LEAVER = "school_leaver"
    UNDER_27 = "under_27"
    PARENT_YOUNG_CHILDREN = "parent_young_children"
    STATUSHOUDER = "statushouder"
    DOELGROEPREGISTER = "doelgroepregister"
    BESCHUT_WERK = "beschut_werk"
    AGE_50_PLUS = "age_50_plus"
    AGE_55_PLUS = "age_55_plus"


# Priority groups a caseworker records; the others follow from the date of birth.
RECORDED_PRIORITY_GROUPS = (
    PriorityGroup.SCHOOL_LEAVER,
    PriorityGroup.PARENT_YOUNG_CHILDREN,
    PriorityGroup.STATUSHOUDER,
    PriorityGroup.DOELGROEPREGISTER,
    PriorityGroup.BESCHUT_WERK,
)


class Obstacle(LabelledEnum):
    EDUCATION = "education"
    PHYSICAL = "physical"
    SOCIAL = "social"
    PSYCHOLOGICAL = "psychological"
    NO_WORK_EXPERIENCE = "no_work_experience"
    AGE = "age"
    CARE_DUTIES = "care_duties"
    LANGUAGE = "language"
    DEBTS = "debts"
    ADDICTION = "addiction"


class EducationLevel(LabelledEnum):
    NONE = "none"
    PRIMARY = "primary"
    VMBO_PRO_VSO = "vmbo_pro_vso"
    MBO1 = "mbo1"
    MBO2_4 = "mbo2_4"
    HAVO_VWO = "havo_vwo"
    HBO_WO = "hbo_wo"
    FOREIGN = "foreign"


class OutflowReason(LabelledEnum):
    PAID_EMPLOYMENT = "paid_employment"
    SOCIAL_FIRM = "social_firm"
    SELF_EMPLOYMENT = "self_employment"
    OTHER = "other"


class ClientStatus(LabelledEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class JournalKind(LabelledEnum):
    CONVERSATION = "conversation"
    PHONE = "phone"
    EMAIL = "email"
    HOME_VISIT = "home_visit"
    EMPLOYER_VISIT = "employer_visit"
    NOTE = "note"


class PlacementType(LabelledEnum):
    REGULAR_JOB = "regular_job"
    PROEFPLAATSING = "proefplaatsing"
    LEARNING_WORKING = "learning_working"
    GARANTIEBAAN = "garantiebaan"
    BESCHUT_WERK = "beschut_werk"
    SOCIAL_FIRM_SECONDMENT = "social_firm_secondment"
    WORK_EXPERIENCE = "work_experience"
    VOLUNTEER = "volunteer"


class CoachingActivity(LabelledEnum):
    WORKPLACE = "workplace"
    EMPLOYER = "employer"
    EMPLOYEE = "employee"
    CONSULTATION = "consultation"
    ADMINISTRATION = "administration"


class AbsenceReason(LabelledEnum):
    SICKNESS = "sickness"
    OTHER = "other"


class SubsidyBasis(LabelledEnum):
    """What a decision on loonkostensubsidie rests on (art. 10d Participatiewet)."""

    FORFAIT = "forfait"  # the first months of the job, before a measurement
    MEASUREMENT = "measurement"  # a loonwaardemeting


class TargetGroupBasis(LabelledEnum):
    """How the art. 10d target-group check was made: the client cannot earn the WML working
    full-time."""

    MEASUREMENT = "measurement"
    DOELGROEPREGISTER = "doelgroepregister"
    BESCHUT_WERK = "beschut_werk"
    OTHER = "other"


class PlanStatus(LabelledEnum):
    DRAFT = "draft"
    ISSUED = "issued"


class AuditAction(LabelledEnum):
    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    CLOSE = "close"
    ASSIGN = "assign"
    TRANSFER = "transfer"
    CORRECT = "correct"
    PRINT = "print"
    EXPORT = "export"
    IMPORT = "import"
    SYNC = "sync"
    UNLOCK = "unlock"


_LABELS: dict[LabelledEnum, str] = {
    Role.WORK_COACH: "Werkcoach",
    Role.CASE_MANAGER: "Klantmanager",
    Role.PARTICIPATION_COACH: "Participatiecoach",
    Role.JOB_COACH: "Jobcoach",
    Role.LABOUR_EXPERT: "Arbeidsdeskundige",
    Role.TEAM_LEAD: "Teamleider",
    Benefit.PARTICIPATIEWET: "Participatiewet (bijstand)",
    Benefit.IOAW: "IOAW",
    Benefit.IOAZ: "IOAZ",
    Benefit.NONE: "Geen uitkering (nugger)",
    WorkObligation.IMPOSED: "Arbeidsverplichting",
    WorkObligation.PARTIAL_EXEMPTION: "Gedeeltelijke ontheffing",
    WorkObligation.FULL_EXEMPTION: "Volledige ontheffing",
    PriorityGroup.SCHOOL_LEAVER: "Schoolverlater PRO/VSO/Entree",
    PriorityGroup.UNDER_27: "Jongere onder 27",
    PriorityGroup.PARENT_YOUNG_CHILDREN: "Ouder met jonge kinderen",
    PriorityGroup.STATUSHOUDER: "Statushouder",
    PriorityGroup.DOELGROEPREGISTER: "Doelgroepregister (banenafspraak)",
    PriorityGroup.BESCHUT_WERK: "Beschut werk",
    PriorityGroup.AGE_50_PLUS: "50-plusser",
    PriorityGroup.AGE_55_PLUS: "55-plusser",
    Obstacle.EDUCATION: "Lage of verouderde opleiding",
    Obstacle.PHYSICAL: "Lichamelijk",
    Obstacle.SOCIAL: "Sociaal",
    Obstacle.PSYCHOLOGICAL: "Psychisch",
    Obstacle.NO_WORK_EXPERIENCE: "Geen werkervaring",
    Obstacle.AGE: "Leeftijd",
    Obstacle.CARE_DUTIES: "Zorgtaken",
    Obstacle.LANGUAGE: "Taal (Nederlands)",
    Obstacle.DEBTS: "Schulden",
    Obstacle.ADDICTION: "Verslaving",
    EducationLevel.NONE: "Geen opleiding",
    EducationLevel.PRIMARY: "Basisonderwijs",
    EducationLevel.VMBO_PRO_VSO: "Vmbo / PrO / VSO",
    EducationLevel.MBO1: "Mbo 1 (Entree)",
    EducationLevel.MBO2_4: "Mbo 2-4",
    EducationLevel.HAVO_VWO: "Havo / vwo",
    EducationLevel.HBO_WO: "Hbo / wo",
    EducationLevel.FOREIGN: "Buitenlandse opleiding",
    OutflowReason.PAID_EMPLOYMENT: "Betaald werk",
    OutflowReason.SOCIAL_FIRM: "Werk via het SW-bedrijf",
    OutflowReason.SELF_EMPLOYMENT: "Eigen bedrijf",
    OutflowReason.OTHER: "Andere reden",
    ClientStatus.ACTIVE: "Actief",
    ClientStatus.CLOSED: "Afgesloten",
    JournalKind.CONVERSATION: "Gesprek",
    JournalKind.PHONE: "Telefoon",
    JournalKind.EMAIL: "E-mail",
    JournalKind.HOME_VISIT: "Huisbezoek",
    JournalKind.EMPLOYER_VISIT: "Werkgeversbezoek",
    JournalKind.NOTE: "Notitie",
    PlacementType.REGULAR_JOB: "Reguliere baan",
    PlacementType.PROEFPLAATSING: "Proefplaatsing (met behoud van uitkering)",
    PlacementType.LEARNING_WORKING: "Leerwerktraject",
    PlacementType.GARANTIEBAAN: "Garantiebaan (banenafspraak)",
    PlacementType.BESCHUT_WERK: "Beschut werk",
    PlacementType.SOCIAL_FIRM_SECONDMENT: "Detachering via het SW-bedrijf",
    PlacementType.WORK_EXPERIENCE: "Werkervaringsplaats",
    PlacementType.VOLUNTEER: "Vrijwilligerswerk",
    CoachingActivity.WORKPLACE: "Op de werkplek",
    CoachingActivity.EMPLOYER: "Met de werkgever",
    CoachingActivity.EMPLOYEE: "Met de werknemer",
    CoachingActivity.CONSULTATION: "Overleg",
    CoachingActivity.ADMINISTRATION: "Administratie",
    AbsenceReason.SICKNESS: "Ziekte",
    AbsenceReason.OTHER: "Ander verzuim",
    SubsidyBasis.FORFAIT: "Forfaitair (eerste maanden, nog geen meting)",
    SubsidyBasis.MEASUREMENT: "Loonwaardemeting",
    TargetGroupBasis.MEASUREMENT: "Loonwaardemeting: loonwaarde onder het minimumloon",
    TargetGroupBasis.DOELGROEPREGISTER: "Opgenomen in het doelgroepregister",
    TargetGroupBasis.BESCHUT_WERK: "Indicatie beschut werk",
    TargetGroupBasis.OTHER: "Anders (toelichting)",
    PlanStatus.DRAFT: "Concept",
    PlanStatus.ISSUED: "Uitgegeven",
    AuditAction.VIEW: "Ingezien",
    AuditAction.CREATE: "Aangemaakt",
    AuditAction.UPDATE: "Gewijzigd",
    AuditAction.CLOSE: "Afgesloten",
    AuditAction.ASSIGN: "Toegewezen",
    AuditAction.TRANSFER: "Overgedragen",
    AuditAction.CORRECT: "Gecorrigeerd",
    AuditAction.PRINT: "Afgedrukt",
    AuditAction.EXPORT: "Geëxporteerd",
    AuditAction.IMPORT: "Geïmporteerd",
    AuditAction.SYNC: "Gesynchroniseerd",
    AuditAction.UNLOCK: "Ontgrendeld",
}
