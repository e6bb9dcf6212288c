package report

import "testing"

func TestReadTimeframe(t *testing.T) {
	cases := []struct {
		text, date string
		done       bool
		want       Timeframe
	}{
		{"for delivery in early 2017", "2016-11-29", false, Timeframe{Written: "in early 2017", Read: "2017", Due: "2017-12-31"}},
		{"the plan for 2018/19, the DCCP will", "2018-04-05", false, Timeframe{Written: "for 2018/19", Read: "2018-04/2019-03", Due: "2019-03-31"}},
		{"during the business year 2019-20", "", false, Timeframe{Written: "during the business year 2019-20", Read: "2019-04/2020-03", Due: "2020-03-31"}},
		{"in 2016–17 the Area", "", false, Timeframe{Written: "in 2016–17", Read: "2016-04/2017-03", Due: "2017-03-31"}},
		{"when it meets in April 2018", "2018-04-05", false, Timeframe{Written: "in April 2018", Read: "2018-04", Due: "2018-04-30"}},
		{"by the end of March 2019", "", false, Timeframe{Written: "by the end of March 2019", Read: "2019-03", Due: "2019-03-31"}},
		{"was published on 27 June 2022.", "", true, Timeframe{Written: "on 27 June 2022", Read: "2022-06-27", Due: "2022-06-27"}},
		// No 31 June: the day is not read, its month is.
		{"by 31 June 2022", "", false, Timeframe{Written: "June 2022", Read: "2022-06", Due: "2022-06-30"}},
		{"from April 2018 onwards", "", false, Timeframe{Written: "from April 2018", Read: "2018-04"}},
		{"over the next twelve months", "2022-06-28", false, Timeframe{Written: "over the next twelve months", Read: "2022-06-28/P12M", Relative: true, Due: "2023-06-27"}},
		{"over the next twelve months", "", false, Timeframe{Written: "over the next twelve months", Read: "P12M", Relative: true}},
		{"within 6 weeks of the meeting", "2018-01-01", false, Timeframe{Written: "within 6 weeks", Read: "2018-01-01/P42D", Relative: true, Due: "2018-02-11"}},
		{"in the coming year", "2018-10-25", false, Timeframe{Written: "in the coming year", Read: "2018-10-25/P1Y", Relative: true, Due: "2019-10-24"}},
		{"by the end of next year", "2018-10-25", false, Timeframe{Written: "by the end of next year", Read: "2019", Relative: true, Due: "2019-12-31"}},
		{"later this year", "2018-10-25", false, Timeframe{Written: "later this year", Read: "2018", Relative: true, Due: "2018-12-31"}},
		{"in the next financial year", "2018-02-01", false, Timeframe{Written: "in the next financial year", Read: "2018-04/2019-03", Relative: true, Due: "2019-03-31"}},
		{"is scheduled to meet in June", "2018-04-05", false, Timeframe{Written: "in June", Read: "2018-06", Relative: true, Due: "2018-06-30"}},
		{"met in March", "2018-04-05", true, Timeframe{Written: "in March", Read: "2018-03", Relative: true, Due: "2018-03-31"}},
		{"will meet in March", "2018-04-05", false, Timeframe{Written: "in March", Read: "2019-03", Relative: true, Due: "2019-03-31"}},
		{"will meet in March", "", false, Timeframe{Written: "in March", Relative: true}},
		{"the results shortly", "2018-04-05", false, Timeframe{Written: "shortly"}},
		{"in due course", "", false, Timeframe{Written: "in due course"}},
		// Not timeframes.
		{"at least once a month in every Unit", "2018-04-05", false, Timeframe{}},
		{"monthly visits from HR Business Partners", "", false, Timeframe{}},
		{"the 2016 CS survey score", "", false, Timeframe{}},
		{"dated 05/04/2018 in the file", "", false, Timeframe{}},
		{"which in may cases helps", "", false, Timeframe{}},
		{"in a timely manner", "", false, Timeframe{}},
		{"2018-04-05", "", false, Timeframe{}},
	}
	for _, tc := range cases {
		got := readTimeframe(tc.text, tc.date, tc.done)
		if got != tc.want {
			t.Errorf("readTimeframe(%q, %q, done=%v)\n got %+v\nwant %+v", tc.text, tc.date, tc.done, got, tc.want)
		}
	}
}
