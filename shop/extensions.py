"""Flask extensions, created unbound and initialised in create_app()."""
import sqlite3

from flask_babel import Babel
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names so Alembic migrations work the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()
cache = Cache()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """SQLite: wait for the write lock instead of failing at once (concurrent checkouts), and
    use WAL on file databases so that readers never block the one writer; read them memory-mapped."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 30000")
    database = cursor.execute("PRAGMA database_list").fetchone()
    if database and database[2]:  # a file, not ':memory:'
        cursor.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit is never torn and
        # survives an app crash, though the last ones may be lost if the machine itself loses power
        # (SQLite's "WAL mode is safe from corruption with synchronous=NORMAL"; Rails 8 ships the same
        # default). Each order's commit otherwise waited for an fsync of the disk.
        cursor.execute("PRAGMA synchronous = NORMAL")
        # Read through a memory map rather than a read() per page: the search's index probes jump
        # around a file of ~500 MB at 100,000 products, and the 2 MB page cache misses on most.
        cursor.execute("PRAGMA mmap_size = 1073741824")
    cursor.close()
