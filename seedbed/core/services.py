"""Installation-wide use cases: keeping the schema current."""
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def pending_migrations() -> list:
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def ensure_migrated() -> None:
    """Bring the database schema up to date: one command starts everything, no set-up step."""
    if pending_migrations():
        call_command("migrate", interactive=False, verbosity=0)
