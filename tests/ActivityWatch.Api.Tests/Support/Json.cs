using System.Net.Http.Json;
using System.Text.Json;

namespace ActivityWatch.Api.Tests.Support;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync();
    }
}
