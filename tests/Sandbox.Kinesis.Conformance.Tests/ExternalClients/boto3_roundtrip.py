"""Puts one record with boto3 and reads the shard back; prints what it saw as one JSON line.

usage: boto3_roundtrip.py <endpoint> <region> <stream> <partition-key> <data>
"""
import json
import sys

import boto3
from botocore.config import Config

endpoint, region, stream, partition_key, data = sys.argv[1:6]
kinesis = boto3.client(
    "kinesis", endpoint_url=endpoint, region_name=region,
    config=Config(retries={"max_attempts": 1}, connect_timeout=10, read_timeout=30))

put = kinesis.put_record(StreamName=stream, PartitionKey=partition_key, Data=data.encode())
iterator = kinesis.get_shard_iterator(
    StreamName=stream, ShardId=put["ShardId"], ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
records = []
for _ in range(10):
    page = kinesis.get_records(ShardIterator=iterator)
    records += page["Records"]
    if not page["Records"] and page.get("MillisBehindLatest", 0) == 0:
        break
    iterator = page["NextShardIterator"]

print(json.dumps({
    "ShardId": put["ShardId"],
    "SequenceNumber": put["SequenceNumber"],
    "Records": [{"Data": r["Data"].decode(), "PartitionKey": r["PartitionKey"],
                 "SequenceNumber": r["SequenceNumber"]} for r in records],
}))
