"""Segmentation schemes (SPEC S3): frozen definitions compiled to Ibis expressions."""
