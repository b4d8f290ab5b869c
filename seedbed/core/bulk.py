"""Write many rows fast on SQLite and PostgreSQL: the demo and the importers share this.

``bulk_create`` took about 35 s for 130,000 activities on SQLite (Django 5.2 caps an
insert at 999 parameters there, so it sent 3,500 statements, and building model instances
cost 6 s more; in the git importer two thirds of its time was Django compiling the
INSERT). Here rows are plain dicts of attribute name -> value, adapted to the database
once per column kind, and sent with one prepared ``executemany`` (or ``COPY``).

``insert`` takes ids chosen up front, so rows can point at rows of the same batch (a reply
at its parent); sequences are moved past them afterwards. ``insert_new`` lets the database
choose ids and skips rows that collide with a unique constraint — for importers, where the
same item may already have arrived by another route.
"""
from __future__ import annotations

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max
from django.utils import timezone

CHUNK = 5000


def next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1


def _adapter(field: models.Field):
    ops = connection.ops
    kind = field.get_internal_type()
    if kind == "DateTimeField":
        return ops.adapt_datetimefield_value
    if kind == "DateField":
        return ops.adapt_datefield_value
    if kind == "JSONField":
        return lambda value: ops.adapt_json_value(value, field.encoder)
    return None


def _fallback(field: models.Field):
    """The value of a column the rows do not mention: what Django would have written."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    return field.get_default()  # the declared default, else "" for text columns, else None


def _plan(model: type[models.Model], sample: dict, with_pk: bool):
    fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]
    given = set(sample) | ({model._meta.pk.attname} if with_pk else set())
    fixed = {}
    for field in fields:
        if field.attname not in given:
            value, adapt = _fallback(field), _adapter(field)
            fixed[field.attname] = adapt(value) if adapt and value is not None else value
    names = [f.attname for f in fields]
    adapters = [_adapter(f) for f in fields]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    return names, adapters, fixed, table, columns


def _values(names, adapters, fixed, rows, pk: str | None = None, start: int = 0):
    for offset, row in enumerate(rows):
        out = []
        for name, adapt in zip(names, adapters):
            if name == pk:
                out.append(start + offset)
            elif name in fixed:
                out.append(fixed[name])
            else:
                value = row[name]
                out.append(adapt(value) if adapt is not None and value is not None else value)
        yield out


def _send(cursor, table: str, columns: str, width: int, values, suffix: str = "") -> None:
    """One chunk of value rows: COPY on PostgreSQL (psycopg 3), else one prepared executemany."""
    if _copies(cursor):
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
    else:
        placeholders = ", ".join(["%s"] * width)
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders}){suffix}", list(values))


def _copies(cursor) -> bool:
    return connection.vendor == "postgresql" and hasattr(cursor.cursor, "copy")


def insert(model: type[models.Model], rows: list[dict], first_id: int, progress=None) -> None:
    """Insert ``rows`` as ids first_id, first_id + 1, ...; columns missing from a row get their default."""
    if not rows:
        return
    names, adapters, fixed, table, columns = _plan(model, rows[0], with_pk=True)
    pk = model._meta.pk.attname
    with connection.cursor() as cursor:
        for begin in range(0, len(rows), CHUNK):
            chunk = rows[begin:begin + CHUNK]
            _send(cursor, table, columns, len(names), _values(names, adapters, fixed, chunk, pk, first_id + begin))
            if progress is not None:
                progress.advance(len(chunk))


def reserve_ids(model: type[models.Model], n: int) -> list[int]:
    """``n`` ids for new rows of ``model``, taken from its sequence on PostgreSQL (so that
    concurrent writers never collide), else after the highest id."""
    if n <= 0:
        return []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [model._meta.db_table, model._meta.pk.column, n])
            return [row[0] for row in cursor.fetchall()]
    first = next_id(model)
    return list(range(first, first + n))


def insert_with_ids(model: type[models.Model], rows: list[dict]) -> None:
    """Insert rows that carry their own ids (from ``reserve_ids``); other columns as ``insert``."""
    if not rows:
        return
    names, adapters, fixed, table, columns = _plan(model, rows[0], with_pk=True)
    with connection.cursor() as cursor:
        for begin in range(0, len(rows), CHUNK):
            _send(cursor, table, columns, len(names), _values(names, adapters, fixed, rows[begin:begin + CHUNK]))


def insert_new(model: type[models.Model], rows: list[dict]) -> None:
    """Insert rows with database-chosen ids, skipping any that a unique constraint says exist already.

    On PostgreSQL the rows are streamed with COPY into a temporary table and moved with one
    INSERT … SELECT … ON CONFLICT DO NOTHING (COPY itself cannot skip conflicts); elsewhere
    one prepared executemany.
    """
    if not rows:
        return
    names, adapters, fixed, table, columns = _plan(model, rows[0], with_pk=False)
    with connection.cursor() as cursor:
        target = table
        if _copies(cursor):
            target = connection.ops.quote_name(f"seedbed_staging_{model._meta.db_table}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {target} ON COMMIT DROP AS SELECT {columns} FROM {table} WITH NO DATA"
            )
        for begin in range(0, len(rows), CHUNK):
            values = _values(names, adapters, fixed, rows[begin:begin + CHUNK])
            _send(cursor, target, columns, len(names), values, suffix=" ON CONFLICT DO NOTHING")
        if target != table:
            cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {target} ON CONFLICT DO NOTHING")
            cursor.execute(f"TRUNCATE {target}")


def reset_sequences(model_list: list[type[models.Model]]) -> None:
    """Move id sequences past explicitly inserted ids (PostgreSQL; SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), model_list)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def delete_all(model: type[models.Model], emptied: set) -> None:
    """Delete every row: in one statement when nothing else can point at them any more, else through the ORM."""
    others = {r.related_model for r in model._meta.related_objects} - {model} - emptied
    if others:
        model.objects.all().delete()  # other apps' rows may cascade or protect: let Django decide
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    emptied.add(model)
