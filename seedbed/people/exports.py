"""Exports of what Seedbed knows about identities."""
from seedbed.people.models import Identity

IDENTITY_COLUMNS = ("person_id", "source", "name", "email", "username")


def _clean(value: str) -> str:
    # TSV cannot carry tabs or newlines inside a field; raw values otherwise stay exactly as stored.
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_identities_tsv(out) -> int:
    """One row per identity, current person first, exactly as stored; returns the row count."""
    out.write("\t".join(IDENTITY_COLUMNS) + "\n")
    rows = (
        Identity.objects.order_by("person_id", "id")
        .values_list("person_id", "person__merged_into_id", "source_kind", "name", "email", "username")
        .iterator(chunk_size=5000)
    )
    n = 0
    for person_id, merged_into, source, name, email, username in rows:
        out.write(f"{merged_into or person_id}\t{source}\t{_clean(name)}\t{_clean(email)}\t{_clean(username)}\n")
        n += 1
    return n
