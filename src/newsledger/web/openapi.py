"""The OpenAPI 3.1 description of the JSON API, served at ``/openapi.json``."""

from __future__ import annotations

from typing import Any

from ..model import COMMITMENT_STATUSES, EVENT_STATUSES


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(t: str) -> dict[str, Any]:
    return {"type": [t, "null"]}


def _param(name: str, desc: str, *, many: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if many:
        desc += " Repeat the parameter or separate values with commas."
    return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema}


def _path_id(what: str) -> dict[str, Any]:
    return {
        "name": "id",
        "in": "path",
        "required": True,
        "description": f"the {what} id",
        "schema": {"type": "string"},
    }


def _ok(schema: dict[str, Any], desc: str = "OK") -> dict[str, Any]:
    return {
        "200": {"description": desc, "content": {"application/json": {"schema": schema}}},
        "404": {"description": "not found", "content": {"application/json": {"schema": _ref("Error")}}},
    }


def _parts() -> dict[str, Any]:
    """The schema's building blocks, made afresh on each call (no shared mutable constants)."""
    location = {
        "type": ["object", "null"],
        "properties": {
            "name": {"type": "string"},
            "country": _nullable("string"),
            "admin1": _nullable("string"),
            "latitude": _nullable("number"),
            "longitude": _nullable("number"),
            "geo_precision": _nullable("string"),
            "gazetteer_id": _nullable("string"),
        },
    }

    event_summary = {
        "type": "object",
        "required": ["id", "event_type", "status", "n_sources", "conflict_fields"],
        "properties": {
            "id": {"type": "string"},
            "event_type": {"type": "string"},
            "sub_event_type": _nullable("string"),
            "date": {"type": ["string", "null"], "description": "ISO 8601 date or 'start/end'"},
            "date_precision": _nullable("string"),
            "actor1": _nullable("string"),
            "actor2": _nullable("string"),
            "assoc_actors": {"type": "array", "items": {"type": "string"}},
            "location": _ref("Location"),
            "fatalities": _nullable("integer"),
            "injured": _nullable("integer"),
            "status": {"type": "string", "enum": list(EVENT_STATUSES)},
            "n_sources": {"type": "integer"},
            "n_articles": {"type": "integer"},
            "outlets": {"type": "array", "items": {"type": "string"}},
            "conflict_fields": {
                "type": "array",
                "items": {"type": "string"},
                "description": "fields sources disagree on",
            },
            "snippet": {"type": ["string", "null"], "description": "start of the first source sentence"},
            "first_source": {"type": ["object", "null"]},
        },
    }

    source = {
        "type": "object",
        "properties": {
            "article": {"type": "string"},
            "start": {"type": "integer", "description": "character offset (Python string index)"},
            "end": {"type": "integer"},
            "attributed_to": _nullable("string"),
            "text": {"type": ["string", "null"], "description": "the source sentence, as text"},
            "article_info": {"type": "object"},
            "mention": {"type": ["object", "null"], "description": "what this source says for each field"},
        },
    }

    event = {
        "allOf": [
            _ref("EventSummary"),
            {
                "type": "object",
                "properties": {
                    "sources": {"type": "array", "items": _ref("Source")},
                    "fields": {
                        "type": "array",
                        "description": "every field: the ledger value, the values each source gives, any conflict",
                        "items": {"type": "object"},
                    },
                    "conflicts": {"type": "array", "items": {"type": "object"}},
                    "merge_reasons": {"type": "array", "items": {"type": "string"}},
                    "fulfils": {"type": "array", "items": {"type": "object"}},
                },
            },
        ]
    }

    annotation = {
        "type": "object",
        "properties": {
            "kind": {
                "type": "string",
                "enum": [
                    "date",
                    "place",
                    "figure",
                    "claim",
                    "speaker",
                    "event",
                    "trigger",
                    "commitment",
                    "source",
                ],
            },
            "start": {"type": "integer"},
            "end": {"type": "integer"},
            "label": {"type": "string"},
            "links": {
                "type": "array",
                "description": "what this fact feeds",
                "items": {
                    "type": "object",
                    "properties": {"kind": {"type": "string"}, "id": {"type": "string"}},
                },
            },
        },
    }

    article = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "title": _nullable("string"),
            "outlet": _nullable("string"),
            "published": _nullable("string"),
            "annotations": {"type": "array", "items": _ref("Annotation")},
            "segments": {
                "type": "array",
                "description": "the text cut at annotation boundaries; 'anns' index into 'annotations'",
                "items": {
                    "type": "object",
                    "properties": {
                        "start": {"type": "integer"},
                        "text": {"type": "string"},
                        "anns": {"type": "array", "items": {"type": "integer"}},
                    },
                },
            },
            "events": {"type": "array", "items": _ref("EventSummary")},
        },
    }

    commitment = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "action": {"type": "string"},
            "obligor": _nullable("string"),
            "beneficiary": _nullable("string"),
            "location": _ref("Location"),
            "deadline": {"type": ["string", "null"], "description": "the deadline in force"},
            "deadline_history": {"type": "array", "items": {"type": "object"}},
            "status": {"type": "string", "enum": list(COMMITMENT_STATUSES)},
            "fulfilled_by": _nullable("string"),
            "fulfilled_on": _nullable("string"),
            "sources": {"type": "array", "items": _ref("Source")},
        },
    }

    event_filters = [
        _param("type", "event type (ACLED)", many=True),
        _param("status", "event status", many=True),
        _param("place", "part of the location's name, admin1 or ISO country code"),
        _param("actor", "part of an actor's name"),
        _param("outlet", "outlet of a source article"),
        _param("from", "earliest date, ISO 8601 (inclusive)"),
        _param("to", "latest date, ISO 8601 (inclusive)"),
        _param("q", "free text (words must all occur; SQLite FTS5 over article text when available)"),
        _param("conflicts", "'true': only events whose sources disagree"),
        _param("located", "'true': only events with coordinates"),
        _param("limit", "page size (default 1000, at most 5000)"),
        _param("offset", "first result"),
    ]
    return {
        "location": location,
        "event_summary": event_summary,
        "source": source,
        "event": event,
        "annotation": annotation,
        "article": article,
        "commitment": commitment,
        "event_filters": event_filters,
    }


def schema(version: str) -> dict[str, Any]:
    p = _parts()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "newsledger",
            "version": version,
            "description": "Read-only API over a newsledger ledger: events with their sources, "
            "articles with highlighted facts, commitments. Only GET and HEAD are accepted.",
        },
        "paths": {
            "/api/meta": {
                "get": {"summary": "counts and filter values", "responses": _ok({"type": "object"})}
            },
            "/api/events": {
                "get": {
                    "summary": "events by date, filtered",
                    "parameters": p["event_filters"],
                    "responses": _ok(
                        {
                            "type": "object",
                            "properties": {
                                "total": {"type": "integer"},
                                "events": {"type": "array", "items": _ref("EventSummary")},
                            },
                        }
                    ),
                }
            },
            "/api/events/{id}": {
                "get": {
                    "summary": "one event",
                    "parameters": [_path_id("event")],
                    "responses": _ok(_ref("Event")),
                }
            },
            "/api/articles": {
                "get": {
                    "summary": "all articles by date, or those matching free text (SQLite FTS5, best first)",
                    "parameters": [
                        _param("q", "free text; FTS5 syntax accepted, anything else searched as a phrase"),
                        _param("limit", "at most this many matches (default 50)"),
                    ],
                    "responses": _ok({"type": "object"}),
                }
            },
            "/api/articles/{id}": {
                "get": {
                    "summary": "one article, cut into annotated segments",
                    "parameters": [
                        _path_id("article"),
                        _param("mark", "START-END character range to highlight (the source sentence)"),
                    ],
                    "responses": _ok(_ref("Article")),
                }
            },
            "/api/commitments": {
                "get": {
                    "summary": "the commitments board",
                    "parameters": [_param("status", "commitment status", many=True)],
                    "responses": _ok({"type": "object"}),
                }
            },
            "/api/commitments/{id}": {
                "get": {
                    "summary": "one commitment",
                    "parameters": [_path_id("commitment")],
                    "responses": _ok(_ref("Commitment")),
                }
            },
        },
        "components": {
            "schemas": {
                "Location": p["location"],
                "EventSummary": p["event_summary"],
                "Event": p["event"],
                "Source": p["source"],
                "Annotation": p["annotation"],
                "Article": p["article"],
                "Commitment": p["commitment"],
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}, "hint": {"type": "string"}},
                },
            }
        },
    }
