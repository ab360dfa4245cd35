"""Segmentation in the app (SPEC S3): saved schemes, dated snapshots of classes, class changes and their alerts."""
