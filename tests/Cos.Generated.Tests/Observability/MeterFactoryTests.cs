using System.Diagnostics.Metrics;
using Cos.Generated.Pipeline;
using Cos.Generated.Tests.Infrastructure;

namespace Cos.Generated.Tests.Observability;

/// <summary>
/// <see cref="CosClientOptions.MeterFactory"/>: the client records on a meter the factory made, not on the process's
/// static one. Measurements are told apart by meter instance (and a unique operation name), so this runs in parallel.
/// </summary>
public sealed class MeterFactoryTests
{
    [Fact]
    public async Task A_meter_factory_gives_the_client_its_own_meter()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(503, "<Error><Code>ServiceUnavailable</Code></Error>");
        using var factory = new TestMeterFactory();
        var own = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        var shared = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CosMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Measured(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>();
            foreach (var (name, tagValue) in tags)
            {
                map[name] = tagValue;
            }

            if (map.GetValueOrDefault("cos.operation") as string != "FactoryGet")
            {
                return;
            }

            lock (own)
            {
                if (factory.Meters.Contains(instrument.Meter))
                {
                    own.Add((instrument.Name, value, map));
                }
                else
                {
                    shared.Add(instrument.Name);
                }
            }
        }

        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Measured(i, v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Measured(i, v, t));
        listener.Start();
        using var client = TestClients.Create(server, meterFactory: factory);

        await client.Pipeline.SendAsync(TestClients.Get("k", operation: "FactoryGet"), TestClients.Status, CancellationToken.None);

        var meter = factory.Meters.ShouldHaveSingleItem();
        meter.Name.ShouldBe("Cos.Generated");
        meter.Version.ShouldBe(CosUserAgent.Version);
        shared.ShouldBeEmpty();
        var duration = own.Single(m => m.Instrument == "cos.client.operation.duration");
        duration.Tags["http.response.status_code"].ShouldBe(200);
        duration.Tags["http.request.method"].ShouldBe("GET");
        duration.Tags.ShouldNotContainKey("error.type");
        duration.Value.ShouldBeGreaterThan(0);
        own.Single(m => m.Instrument == "cos.client.operation.retries").Value.ShouldBe(1);
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public IReadOnlyList<Meter> Meters
        {
            get
            {
                lock (_meters)
                {
                    return [.. _meters];
                }
            }
        }

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            lock (_meters)
            {
                _meters.Add(meter);
            }

            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Meters)
            {
                meter.Dispose();
            }
        }
    }
}
