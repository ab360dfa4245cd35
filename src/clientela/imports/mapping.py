"""Column mapping: which file column holds each of Clientela's columns.

A mapping is given as `--map date=Fecha,amount=Importe` and/or saved in a .json or .toml file
of the same pairs (`{"date": "Fecha"}` / `date = "Fecha"`). Unmapped columns are matched by name,
ignoring case.
"""

import json
import tomllib
from pathlib import Path

from clientela.imports.errors import ImportRejected


def parse_map_option(text: str) -> dict[str, str]:
    """Parse `ours=theirs,ours2=theirs2` into a dict."""
    mapping: dict[str, str] = {}
    for pair in filter(None, (part.strip() for part in text.split(","))):
        ours, separator, theirs = pair.partition("=")
        if not separator or not ours.strip() or not theirs.strip():
            raise ImportRejected(f'--map: "{pair}" is not of the form column=file column')
        mapping[ours.strip()] = theirs.strip()
    return mapping


def load_mapping_file(path: Path) -> dict[str, str]:
    """Read a saved mapping from a .json or .toml file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ImportRejected(f"{path}: cannot read the mapping file ({error.strerror})") from None
    except UnicodeDecodeError:
        raise ImportRejected(f"{path}: the mapping file is not UTF-8 text; save it as UTF-8") from None
    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as error:
        raise ImportRejected(f"{path}: not a valid mapping file ({error})") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ImportRejected(f'{path}: a mapping file holds pairs of column names, e.g. {{"date": "Fecha"}}')
    return data


def resolve_columns(
    header: list[str], mapping: dict[str, str], known: list[str], required: list[str]
) -> tuple[dict[str, int], list[str]]:
    """Return where each of our columns is in the file (name -> index) and the file columns left unused."""
    unknown = sorted(set(mapping) - set(known))
    if unknown:
        raise ImportRejected(f'the mapping names unknown column(s) {", ".join(unknown)}; expected some of: {", ".join(known)}')
    by_lower = {name.lower(): index for index, name in enumerate(header)}
    positions: dict[str, int] = {}
    for column in known:
        source = mapping.get(column, column)
        index = by_lower.get(source.lower())
        if index is None:
            if column in mapping:
                raise ImportRejected(
                    f'the mapping takes "{column}" from file column "{source}", which is not in the file '
                    f'(columns: {", ".join(header)})'
                )
            continue
        positions[column] = index
    missing = [column for column in required if column not in positions]
    if missing:
        raise ImportRejected(
            f'missing required column(s) {", ".join(missing)} (file columns: {", ".join(header)}); '
            f"map them with --map {missing[0]}=<file column>"
        )
    used = set(positions.values())
    return positions, [name for index, name in enumerate(header) if index not in used]
