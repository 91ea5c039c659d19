"""Sync bookkeeping on every row; records immutable, documents versioned."""

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

import app.models as m
from app.models.guards import ImmutableRecordError
from app.storage.migrate import alembic_config, head_revision


def test_every_synced_table_has_the_bookkeeping() -> None:
    for model in m.SYNCED_MODELS:
        columns = set(model.__table__.columns.keys())  # type: ignore[attr-defined]
        assert {
            "id",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
            "version",
            "deleted_at",
        } <= columns, model.__name__
        assert model.entity_kind in {"record", "document"}


def test_kinds_follow_the_design() -> None:
    records = {
        m.LadderAssessment,
        m.JournalEntry,
        m.WageValueMeasurement,
        m.WageValueTask,
        m.JobCoachingHours,
        m.SubsidyDecision,
        m.PlanVersion,
        m.AuditEvent,
    }
    documents = {
        m.Client,
        m.CaseAssignment,
        m.Placement,
        m.PlacementAbsence,
        m.Plan,
        m.PlanGoal,
        m.PlanInstrument,
        m.Employer,
        m.Caseworker,
        m.Team,
    }
    assert {x for x in m.SYNCED_MODELS if x.entity_kind == "record"} == records
    assert {x for x in m.SYNCED_MODELS if x.entity_kind == "document"} == documents


def test_documents_count_versions_and_stamp_the_editor(session, owner) -> None:  # type: ignore[no-untyped-def]
    employer = m.Employer(name="Bakkerij")
    session.add(employer)
    session.flush()
    assert employer.version == 1 and employer.created_by == owner.caseworker_id
    first_update = employer.updated_at
    employer.name = "Bakkerij De Molen"
    session.flush()
    assert employer.version == 2
    assert employer.updated_at >= first_update
    assert employer.created_at.tzinfo is dt.UTC


def test_records_cannot_be_changed_or_deleted(session, owner) -> None:  # type: ignore[no-untyped-def]
    event = m.AuditEvent(
        occurred_at=m.utc_now(),
        actor_id=owner.caseworker_id,
        action="view",
        entity_type="client",
        details={},
    )
    session.add(event)
    session.commit()
    event.action = "update"
    with pytest.raises(ImmutableRecordError):
        session.flush()
    session.rollback()
    saved = session.get(m.AuditEvent, event.id)
    session.delete(saved)
    with pytest.raises(ImmutableRecordError):
        session.flush()
    session.rollback()


def test_migrations_describe_the_models_on_sqlite(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, m.Base.metadata) == []
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == head_revision()
        )


@pytest.mark.postgres
def test_migrations_describe_the_models_on_postgresql(pg_engine) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    schema = "trede_migration_test"
    with pg_engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        with pg_engine.begin() as connection:
            connection.execute(text(f"SET search_path TO {schema}"))
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        with pg_engine.connect() as connection:
            connection.execute(text(f"SET search_path TO {schema}"))
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, m.Base.metadata) == []
        with pg_engine.begin() as connection:
            connection.execute(text(f"SET search_path TO {schema}"))
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
            left = connection.execute(
                text(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = :s "
                    "AND table_name <> 'alembic_version'"
                ),
                {"s": schema},
            ).scalar()
            assert left == 0
    finally:
        with pg_engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))


def test_head_revision_constant_matches_the_migrations() -> None:
    from app.storage.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION
