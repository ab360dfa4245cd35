"""Operations: serving, backups."""
