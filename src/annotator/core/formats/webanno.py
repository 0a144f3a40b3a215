NAME = 'webanno'
