"""The Alembic migrations build exactly the schema the models describe."""
import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, inspect

from shop import create_app
from shop.extensions import db


def test_migrations_match_the_models(tmp_path):
    """Upgrading an empty SQLite file to head leaves no difference from db.metadata."""
    url = f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    app = create_app("test", SQLALCHEMY_DATABASE_URI=url, MEDIA_DIR=str(tmp_path))
    with app.app_context():
        upgrade(directory=os.path.join(app.root_path, os.pardir, "migrations"))
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
                tables = set(inspect(conn).get_table_names())
        finally:
            engine.dispose()
        db.engine.dispose()
    assert diff == []
    assert {"products", "certificates", "search_terms", "fairs"} <= tables
